import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { loadApiConfig } from './config/api.config';
import { configureHttp } from './http-setup';

const KEEP_ALIVE_MS = 65_000;

/** Builds the API for the given environment; a bad environment stops here with the reason. */
export async function createApp(env: NodeJS.ProcessEnv = process.env): Promise<{ app: NestExpressApplication; port: number }> {
  const config = loadApiConfig(env);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: config.nodeEnv === 'test' ? ['error', 'warn'] : undefined,
  });
  app.set('trust proxy', env['TRUST_PROXY'] === 'true');
  configureHttp(app, config);
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);
  return { app, port: config.port };
}

export async function bootstrap(env: NodeJS.ProcessEnv = process.env): Promise<NestExpressApplication> {
  const { app, port } = await createApp(env);
  await app.listen(port, env['HOST'] || '127.0.0.1');
  // Idle keep-alive connections outlive the proxy's and the clients' (nginx keeps upstream ones 60 s): with Node's
  // 5 s default, a client reusing a connection just as the server closes it gets "other side closed".
  const server = app.getHttpServer();
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  new Logger('BandPro API').log(`Listening on http://127.0.0.1:${actualPort}/api/v1 (docs at /api/docs)`);
  // Child-process tests and scripts/start.js read this line to learn the port.
  if (process.send) process.send({ type: 'listening', port: actualPort });
  return app;
}

if (require.main === module) {
  bootstrap().catch((error: unknown) => {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    process.exit(1);
  });
}
