import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { mapError } from './error-mapping';

/** The only place an error becomes an HTTP response. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const { status, body } = mapError(error);
    if (status >= 500) this.logger.error(error instanceof Error ? error.stack ?? error.message : String(error));
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply.status(status).send(body);
  }
}
