import 'reflect-metadata';
import type { EventStore } from '@bandpro/events';
import { SCORE_CATALOGUE_COLLECTION, SCORE_DOCUMENT_COLLECTION, type ReadModelStore, type ScoreCatalogueEntry, type ScoreDocumentView } from '@bandpro/read-models';
import { NestFactory } from '@nestjs/core';
import { v7 as uuidv7 } from 'uuid';
import { loadProjectorConfig } from './config/projector.config';
import { demoScoreCommands } from './demo/demo-score';
import { executeScoreCommand } from './demo/execute-score-command';
import { renderCatalogueEntry, renderScoreText } from './demo/render-score-text';
import { ProjectorModule } from './projector.module';
import { ProjectorService } from './projector.service';
import { EVENT_STORE, READ_MODEL_STORE } from './projector.tokens';

export interface DemoResult {
  scoreId: string;
  catalogue: ScoreCatalogueEntry;
  document: ScoreDocumentView;
}

/**
 * What `npm start` shows until the API exists: a score written through the domain into the real
 * event store under DATA_DIR, projected by the real projector, read back from its read models.
 */
export async function runDemo(env: NodeJS.ProcessEnv = process.env, print: (line: string) => void = console.log): Promise<DemoResult> {
  const config = { ...loadProjectorConfig(env), lagLogIntervalMs: 0 };
  const app = await NestFactory.createApplicationContext(ProjectorModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const scoreId = uuidv7();
    const events = app.get<EventStore>(EVENT_STORE);
    const metadata = { actor: { id: 'demo-user', kind: 'user' as const }, at: new Date().toISOString() };
    for (const command of demoScoreCommands(scoreId, uuidv7, metadata)) await executeScoreCommand(events, scoreId, command);
    print(`Wrote score ${scoreId} to ${config.mongodbUri ? 'MongoDB' : `${config.dataDir}/bandpro.sqlite`} (${await events.headPosition()} events in the store)`);

    await caughtUp(app.get(ProjectorService));
    const store = app.get<ReadModelStore>(READ_MODEL_STORE);
    const catalogue = await store.get<ScoreCatalogueEntry>(SCORE_CATALOGUE_COLLECTION, scoreId);
    const document = await store.get<ScoreDocumentView>(SCORE_DOCUMENT_COLLECTION, scoreId);
    if (!catalogue || !document) throw new Error(`The projector caught up but has no read model for ${scoreId}`);
    print(`Catalogue: ${renderCatalogueEntry(catalogue)}`);
    print(renderScoreText(document));
    return { scoreId, catalogue, document };
  } finally {
    await app.close();
  }
}

async function caughtUp(service: ProjectorService, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lags = await service.lag();
    if (lags.every((lag) => lag.eventsBehind === 0)) return;
    const failed = service.runners.find((runner) => runner.state === 'failed');
    if (failed) throw new Error(`Projection ${failed.name} failed: see the log above`);
    if (Date.now() > deadline) throw new Error(`The projector is still behind after ${timeoutMs} ms: ${JSON.stringify(lags)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}


if (require.main === module) {
  runDemo().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
