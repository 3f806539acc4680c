import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import { AuditHttp } from './audit/audit-http';
import { markAuditRoutes } from './audit/audit-routes';
import { ApiError } from './common/errors/api-error';
import type { ApiConfig } from './config/api.config';

export const API_PREFIX = 'api/v1';

type Middleware = ReturnType<typeof helmet>;

/**
 * The headers a helmet middleware sets, found by running it once against a recording response. Its output
 * depends only on its options (no nonces here), so each request gets the same list set directly, instead of
 * through helmet's chain of a dozen middlewares per request.
 */
export function headersOf(middleware: Middleware): [name: string, value: string][] {
  const headers: [string, string][] = [];
  let failure: unknown;
  const recorder = {
    setHeader: (name: string, value: unknown) => void headers.push([name, String(value)]),
    removeHeader: () => undefined,
  };
  middleware({} as never, recorder as never, (error?: unknown) => (failure = error));
  if (failure !== undefined) throw failure instanceof Error ? failure : new Error(String(failure));
  return headers;
}

const strictCsp = headersOf(
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] } },
  }),
);
// Swagger UI is a page with its own scripts and styles; everything else is JSON and gets nothing.
const docsCsp = headersOf(
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'"],
        frameAncestors: ["'none'"], baseUri: ["'none'"], objectSrc: ["'none'"],
      },
    },
  }),
);

/** Everything around the routes: headers, body parsing, errors before routing, CORS, prefix, docs. Shared by main.ts and nothing else. */
export async function configureHttp(app: NestFastifyApplication, config: ApiConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  // helmet's headers, on the Node response before anything can answer.
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    for (const [name, value] of request.url.startsWith('/api/docs') ? docsCsp : strictCsp) reply.raw.setHeader(name, value);
    done();
  });
  markAuditRoutes(app);
  app.get(AuditHttp).attach(fastify);
  parseJsonBodies(fastify);
  app.enableCors({ origin: config.corsOrigins.length > 0 ? config.corsOrigins : false, exposedHeaders: ['Retry-After'] });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready'] });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('BandPro API').setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false, swaggerUiEnabled: config.docsUi });
}

/**
 * The only body the API reads is JSON. One with no body (`POST /scores/:id/trash` from a client that always sets
 * the header) is a request without a body, where Fastify's own parser would refuse it; anything else goes through
 * Fastify's parser, which also refuses `__proto__` and `constructor.prototype` keys, and a failure is our
 * MALFORMED_JSON. What Fastify refuses before (too large, another media type) reaches ApiExceptionFilter through Nest.
 */
function parseJsonBodies(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if ((body as string).trim() === '') return done(null, undefined);
    parseJson(request, body as string, (error: Error | null, parsed?: unknown) =>
      error ? done(new ApiError(400, 'MALFORMED_JSON', 'The request body is not valid JSON'), undefined) : done(null, parsed));
  });
}
