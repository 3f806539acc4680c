import type { INestApplication } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import { actionOf, isMutating } from './audit-actions';
import { AUDIT_ACTION, type AuditedAction } from './audit.decorator';

/** The key of a route's Fastify config under which it carries what the audit log needs of its handler. */
export const AUDIT_ROUTE = 'bandproAudit';

/** A route's handler as the audit log names it. */
export interface AuditRoute {
  controller: string;
  handler: string;
  explicit?: AuditedAction;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    [AUDIT_ROUTE]?: AuditRoute;
  }
}

/** What the audit log records of requests to a route: the action (none for a plain read), and its name on failure. */
export interface AuditPlan {
  action?: string;
  onFailure?: string;
}

/**
 * Puts each controller method's name and @Audit marking into the Fastify config of its route (Nest hands a
 * handler's `RouteConfig` metadata to Fastify when it registers the route), so the audit hook reads it from
 * `request.routeOptions.config` without a Nest interceptor on every request. Call before the routes are
 * registered (before `app.init()`/`listen()`).
 */
export function markAuditRoutes(app: INestApplication): void {
  const reflector = app.get(Reflector);
  const scanner = app.get(MetadataScanner);
  for (const wrapper of app.get(DiscoveryService).getControllers()) {
    const type = wrapper.metatype as (new (...args: never[]) => object) | undefined;
    if (!type) continue;
    for (const name of scanner.getAllMethodNames(type.prototype)) {
      const method = (type.prototype as Record<string, unknown>)[name];
      if (typeof method !== 'function' || Reflect.getMetadata(PATH_METADATA, method) === undefined) continue;
      const explicit = reflector.getAllAndOverride<AuditedAction | undefined>(AUDIT_ACTION, [method, type]);
      const route: AuditRoute = { controller: type.name, handler: name, ...(explicit ? { explicit } : {}) };
      const config = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, method) as Record<string, unknown> | undefined) ?? {};
      Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { ...config, [AUDIT_ROUTE]: route }, method);
    }
  }
}

/** The route's plan: @Audit's action (recorded whatever the method), else the route's name for a mutating method. */
export function planOf(route: AuditRoute, method: string, pattern: string): AuditPlan {
  if (route.explicit) return { ...route.explicit };
  if (!isMutating(method)) return {};
  return { action: actionOf(method, pattern, route.controller, route.handler) };
}
