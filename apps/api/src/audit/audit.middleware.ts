import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { isMutating } from './audit-actions';
import { AuditInterceptor } from './audit.interceptor';

/**
 * Requests a guard refuses (bad credentials, missing role, rate limit) never reach the interceptor. This
 * catches the mutating ones (and any an API key tried) when their response closes, unless the interceptor
 * saw them, and has the interceptor record them by their route.
 */
@Injectable()
export class AuditMiddleware implements NestMiddleware {
  constructor(private readonly interceptor: AuditInterceptor) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const triedApiKey = request.headers['x-api-key'] !== undefined || /^ApiKey /i.test(request.headers.authorization ?? '');
    if (isMutating(request.method) || triedApiKey) response.once('close', () => this.interceptor.recordRefused(request, response));
    next();
  }
}
