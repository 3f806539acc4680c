import { BadRequestException, ForbiddenException, HttpException, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { ConflictError, InvalidCommandError, NotFoundError, RuleViolationError } from '@bandpro/domain';
import { IdempotencyConflictError, InvalidAppendError, StoreUnavailableError, WrongExpectedVersionError } from '@bandpro/events';
import { ApiError } from './api-error';
import { mapError } from './error-mapping';

describe('mapError', () => {
  it.each([
    ['an invalid command', new InvalidCommandError('FIELD_MUST_BE_VALID', 'bad', { field: 'x' }), 400],
    ['a missing element', new NotFoundError('MEASURE_NOT_FOUND', 'gone'), 404],
    ['a clash', new ConflictError('ID_TAKEN', 'taken'), 409],
    ['a broken rule', new RuleViolationError('NOTE_MUST_FIT_IN_MEASURE', 'too long', { measureId: 'm' }), 422],
  ])('should map the domain error of %s to its status, keeping code, message and details', (_, error, status) => {
    expect(mapError(error)).toEqual({ status, body: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } });
  });

  it('should map store errors by code and never send an unavailable store\'s cause', () => {
    expect(mapError(new WrongExpectedVersionError('s', 1, 2)).status).toBe(409);
    expect(mapError(new IdempotencyConflictError('c'))).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY_CONFLICT' } });
    expect(mapError(new InvalidAppendError('empty')).status).toBe(400);
    const unavailable = mapError(new StoreUnavailableError('disk I/O error at /var/secret/path', new Error('ENOSPC')));
    expect(unavailable).toEqual({ status: 503, body: { code: 'STORE_UNAVAILABLE', message: 'The event store is unavailable' } });
  });

  it('should keep an ApiError as thrown', () => {
    const error = new ApiError(409, 'VERSION_CONFLICT', 'moved on', { currentVersion: 3 });
    expect(mapError(error)).toEqual({ status: 409, body: { code: 'VERSION_CONFLICT', message: 'moved on', details: { currentVersion: 3 } } });
  });

  it('should give Nest HTTP exceptions a code from their status', () => {
    expect(mapError(new NotFoundException('Cannot GET /x'))).toEqual({ status: 404, body: { code: 'NOT_FOUND', message: 'Cannot GET /x' } });
    expect(mapError(new ForbiddenException()).body.code).toBe('FORBIDDEN');
    expect(mapError(new ThrottlerException()).body.code).toBe('TOO_MANY_REQUESTS');
    expect(mapError(new HttpException('teapot', 418)).body.code).toBe('BAD_REQUEST');
  });

  it('should keep the code of an HTTP exception that carries one (the identity guards throw those)', () => {
    const error = new BadRequestException({ code: 'TOKEN_EXPIRED', message: 'expired', details: { at: 1 } });
    expect(mapError(error)).toEqual({ status: 400, body: { code: 'TOKEN_EXPIRED', message: 'expired', details: { at: 1 } } });
  });

  it('should hide the message of a 5xx HTTP exception and of anything unknown', () => {
    expect(mapError(new HttpException('db password is hunter2', 500)).body).toEqual({ code: 'INTERNAL', message: 'Something went wrong on our side' });
    expect(mapError(new TypeError('cannot read x of undefined'))).toEqual({ status: 500, body: { code: 'INTERNAL', message: 'Something went wrong on our side' } });
    expect(mapError('a string').status).toBe(500);
  });

  it('should map what Fastify refuses before a route (Nest hands it over as an HttpException): too large, unknown media type', () => {
    expect(mapError(new HttpException('Request body is too large', 413))).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(mapError(new HttpException('Unsupported Media Type', 415))).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });
});
