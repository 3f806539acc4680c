import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { mapError } from './common/errors/error-mapping';
import type { ApiConfig } from './config/api.config';

export const API_PREFIX = 'api/v1';

const strictCsp = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] } },
});
// Swagger UI is a page with its own scripts and styles; everything else is JSON and gets nothing.
const docsCsp = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'"],
      frameAncestors: ["'none'"], baseUri: ["'none'"], objectSrc: ["'none'"],
    },
  },
});

/** Everything around the routes: headers, body limits, CORS, prefix, docs. Shared by main.ts and nothing else. */
export function configureHttp(app: NestExpressApplication, config: ApiConfig): void {
  app.use((req: Request, res: Response, next: NextFunction) => (req.path.startsWith('/api/docs') ? docsCsp : strictCsp)(req, res, next));
  app.useBodyParser('json', { limit: config.bodyLimit });
  // Body-parser errors (too large, bad JSON) happen before Nest's filters can see them: same mapping here.
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!error) return next();
    const { status, body } = mapError(error);
    res.status(status).json(body);
  });
  app.enableCors({ origin: config.corsOrigins.length > 0 ? config.corsOrigins : false, exposedHeaders: ['Retry-After'] });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready'] });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('BandPro API').setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
}
