import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { AuditLog, AuditRecord } from '@bandpro/audit';
import { AUDIT_CONFIG, type AuditConfig } from './audit.config';
import { AUDIT_LOG } from './audit.tokens';
import { PERSONAL_DATA } from '../gdpr/personal-data/sealing-event-store';
import type { PersonalData } from '../gdpr/personal-data/personal-data';
import { sealAuditRecord } from './audit-sealing';

/**
 * Buffers records and writes them in batches, so a request never waits for the audit log. A failed write
 * is logged and retried (the batch stays at the head of the buffer); records still unwritten at shutdown
 * are logged in full as JSON, so none is lost without a trace.
 */
@Injectable()
export class AuditRecorder {
  private readonly logger = new Logger('AuditRecorder');
  private buffer: AuditRecord[] = [];
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    @Inject(AUDIT_LOG) private readonly log: AuditLog,
    @Inject(AUDIT_CONFIG) private readonly config: AuditConfig,
    @Optional() @Inject(PERSONAL_DATA) private readonly personalData?: PersonalData,
  ) {}

  add(records: readonly AuditRecord[]): void {
    this.buffer.push(...records);
    if (this.buffer.length >= this.config.batchSize) void this.flush();
    else this.schedule(this.config.flushMs);
  }

  /** Writes everything buffered so far; resolves when done or when a write failed (a retry is then scheduled). */
  flush(): Promise<void> {
    this.draining = this.draining.then(() => this.drain());
    return this.draining;
  }

  /** Last call: one more attempt, then whatever could not be written goes to the process log. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.flush();
    if (this.buffer.length === 0) return;
    this.logger.error(`${this.buffer.length} audit records could not be written; here they are:\n${this.buffer.map((r) => JSON.stringify(r)).join('\n')}`);
    this.buffer = [];
  }

  get pending(): number {
    return this.buffer.length;
  }

  private async drain(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.buffer.length > 0) {
      const batch = this.buffer.slice(0, this.config.batchSize);
      try {
        await this.log.record(await this.sealed(batch));
      } catch (error) {
        this.logger.error(`Writing ${batch.length} audit records failed (${this.buffer.length} waiting), retrying in ${this.config.retryMs} ms: ${String(error)}`);
        this.schedule(this.config.retryMs);
        return;
      }
      this.buffer = this.buffer.slice(batch.length);
    }
  }

  /** Sealed as late as possible: a record buffered before its person's erasure is written without the address. */
  private sealed(batch: AuditRecord[]): Promise<AuditRecord[]> {
    const personalData = this.personalData;
    return personalData ? Promise.all(batch.map((record) => sealAuditRecord(record, personalData.vault))) : Promise.resolve(batch);
  }

  private schedule(delayMs: number): void {
    if (this.timer !== undefined || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delayMs);
    this.timer.unref();
  }
}
