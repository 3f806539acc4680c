import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { loadApiConfig } from './config/api.config';
import { configureHttp } from './http-setup';

const KEEP_ALIVE_MS = 65_000;

/** Builds the API for the given environment; a bad environment stops here with the reason. */
export async function createApp(env: NodeJS.ProcessEnv = process.env): Promise<{ app: NestFastifyApplication; port: number }> {
  const config = loadApiConfig(env);
  // Fastify, not Express: an empty Nest route answers 2-4x more requests per second on this 2-core machine
  // (bench `api` section `ceiling`), and every request pays the framework.
  const adapter = new FastifyAdapter({
    trustProxy: env['TRUST_PROXY'] === 'true',
    bodyLimit: config.bodyLimit,
    keepAliveTimeout: KEEP_ALIVE_MS,
    // Ids and tokens never need more; the default 100 would let a crafted URL cost more than it should.
    routerOptions: { maxParamLength: 200 },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    // JSON only, through our parser (http-setup.ts); Nest would add its own JSON and form parsers.
    bodyParser: false,
    logger: config.nodeEnv === 'test' ? ['error', 'warn'] : undefined,
  });
  await configureHttp(app, config);
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);
  return { app, port: config.port };
}

export async function bootstrap(env: NodeJS.ProcessEnv = process.env): Promise<NestFastifyApplication> {
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
