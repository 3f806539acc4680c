import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { IS_PUBLIC, REQUIRED_SCORE_ROLE, type ScoreRole } from '../../../src/common/auth/auth.decorators';

export interface RouteRule {
  method: string;
  /** OpenAPI style: /api/v1/scores/{scoreId}/access */
  path: string;
  /** The same without the global prefix, for routes excluded from it (health). */
  barePath: string;
  isPublic: boolean;
  role: ScoreRole | undefined;
}

const SRC = join(__dirname, '../../../src');

function controllerFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return controllerFiles(path);
    return entry.name.endsWith('.controller.ts') ? [path] : [];
  });
}

const joinPath = (...parts: string[]) =>
  `/${parts.flatMap((p) => p.split('/')).filter((p) => p !== '').join('/')}`.replace(/:(\w+)/g, '{$1}');

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [String(value ?? '')]);

/**
 * What each route of the app's controllers declares (@Public, @RequireScoreRole), read from Nest's own
 * decorator metadata; every controller file under src/ is loaded, so a new one is covered without a change here.
 */
export function declaredRoutes(prefix = 'api/v1'): RouteRule[] {
  const classes = controllerFiles(SRC).flatMap((file) => Object.values(require(file) as Record<string, unknown>));
  const controllers = classes.filter((c): c is new () => object => typeof c === 'function' && Reflect.hasMetadata(PATH_METADATA, c));
  return controllers.flatMap((controller) => {
    const proto = controller.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(proto).flatMap((name) => {
      const handler = proto[name];
      if (typeof handler !== 'function' || !Reflect.hasMetadata(METHOD_METADATA, handler)) return [];
      const meta = <T>(key: string) => (Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller)) as T | undefined;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number].toLowerCase();
      return asList(Reflect.getMetadata(PATH_METADATA, controller)).flatMap((base) =>
        asList(Reflect.getMetadata(PATH_METADATA, handler)).map((sub) => ({
          method,
          path: joinPath(prefix, base, sub),
          barePath: joinPath(base, sub),
          isPublic: meta<boolean>(IS_PUBLIC) === true,
          role: meta<ScoreRole>(REQUIRED_SCORE_ROLE),
        })),
      );
    });
  });
}
