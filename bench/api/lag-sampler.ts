import { SQLITE_FILE_NAME, SqliteEventStore } from '@bandpro/events';
import { READ_MODELS_SQLITE_FILE_NAME, SqliteReadModelStore } from '@bandpro/read-models';
import { join } from 'node:path';

/** The projections the API reads; one not (yet) built by this projector is left out. */
const READ_PROJECTIONS = ['score-document', 'score-catalogue', 'score-access', 'score-library'];
const EVERY_MS = 50;

/**
 * Projection lag as a reader sees it, sampled every 50 ms while load runs: for each projection, how old the
 * oldest event it has not applied yet is (0 when caught up); a sample is the worst projection's. Reads the
 * data directory's SQLite file through its own connections, as another process would.
 */
export class LagSampler {
  private readonly events: SqliteEventStore;
  private readonly readModels: SqliteReadModelStore;
  private readonly samples: number[] = [];
  private timer: NodeJS.Timeout | undefined;
  private sampling: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    this.events = new SqliteEventStore({ filename: join(dataDir, SQLITE_FILE_NAME) });
    this.readModels = new SqliteReadModelStore({ filename: join(dataDir, READ_MODELS_SQLITE_FILE_NAME) });
  }

  start(): void {
    this.timer = setInterval(() => {
      this.sampling = this.sampling.then(() => this.sample());
    }, EVERY_MS);
  }

  /** Stops sampling; the lag samples taken, in milliseconds. */
  async stop(): Promise<number[]> {
    clearInterval(this.timer);
    await this.sampling;
    await Promise.all([this.events.close(), this.readModels.close()]);
    return this.samples;
  }

  private async sample(): Promise<void> {
    const now = Date.now();
    const head = await this.events.headPosition();
    let worst = 0;
    for (const projection of READ_PROJECTIONS) {
      if ((await this.readModels.activeGeneration(projection)) === undefined) continue;
      const { position } = await this.readModels.checkpoint(projection);
      if (position >= head) continue;
      const [pending] = await this.events.readAll({ afterPosition: position, limit: 1 });
      if (pending !== undefined) worst = Math.max(worst, now - Date.parse(pending.metadata.recordedAt));
    }
    this.samples.push(worst);
  }
}
