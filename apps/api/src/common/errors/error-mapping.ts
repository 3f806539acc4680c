import { HttpException } from '@nestjs/common';
import { isDomainError, type DomainErrorKind } from '@bandpro/domain';
import { EventStoreError } from '@bandpro/events';
import { ApiError, type ErrorBody } from './api-error';

export interface MappedError {
  status: number;
  body: ErrorBody;
}

const DOMAIN_STATUS: Record<DomainErrorKind, number> = { invalid: 400, 'not-found': 404, conflict: 409, rule: 422 };

const STORE_STATUS: Record<string, number> = {
  WRONG_EXPECTED_VERSION: 409,
  IDEMPOTENCY_CONFLICT: 422,
  INVALID_APPEND: 400,
  INVALID_READ: 400,
  STORE_UNAVAILABLE: 503,
};

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * Every error to `{ code, message, details? }` and its status, in one place. Anything unknown
 * becomes a bare 500: its message may hold internals, so it is logged, never sent.
 */
export function mapError(error: unknown): MappedError {
  if (error instanceof ApiError) return { status: error.status, body: body(error.code, error.message, error.details) };
  if (isDomainError(error)) return { status: DOMAIN_STATUS[error.kind], body: body(error.code, error.message, error.details) };
  if (error instanceof EventStoreError) {
    return { status: STORE_STATUS[error.code] ?? 500, body: body(error.code, storeMessage(error)) };
  }
  if (error instanceof HttpException) return fromHttpException(error);
  return { status: 500, body: body('INTERNAL', 'Something went wrong on our side') };
}

function fromHttpException(error: HttpException): MappedError {
  const status = error.getStatus();
  const response = error.getResponse();
  const raw = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
  if (typeof raw['code'] === 'string') {
    return { status, body: body(raw['code'], String(raw['message'] ?? error.message), raw['details'] as Record<string, unknown> | undefined) };
  }
  const code = HTTP_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
  const message = status >= 500 ? 'Something went wrong on our side' : error.message;
  return { status, body: body(code, message) };
}

/** Store messages name streams and versions, which is fine; an unavailable store's cause is not sent. */
function storeMessage(error: EventStoreError): string {
  return error.code === 'STORE_UNAVAILABLE' ? 'The event store is unavailable' : error.message;
}

function body(code: string, message: string, details?: Record<string, unknown>): ErrorBody {
  return details === undefined ? { code, message } : { code, message, details };
}
