import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { loadProjectorConfig } from './config/projector.config';
import { ProjectorModule } from './projector.module';

/** Starts the projector: runners begin on bootstrap; SIGINT/SIGTERM stop them and free their leases. */
export async function bootstrap(env: NodeJS.ProcessEnv = process.env): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(ProjectorModule.forRoot(loadProjectorConfig(env)));
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);
  return app;
}

if (require.main === module) {
  bootstrap().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
