import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AuditLog, AuditRecord } from '@bandpro/audit';
import { v7 as uuidv7 } from 'uuid';
import { AUDIT_CONFIG, type AuditConfig } from './audit.config';
import { AUDIT_CLOCK, AUDIT_LOG, type AuditClock } from './audit.tokens';
import { PurgeLock } from './purge-lock';

export const PURGE_LOCK = Symbol('PURGE_LOCK');
const DAY_MS = 24 * 60 * 60 * 1000;

export interface PurgeResult {
  purged: number;
  cutoff: string;
}

/** The retention job: at start-up, then every day; each run that purges leaves its own 'admin.audit_purged' record. */
@Injectable()
export class AuditPurgeService {
  private readonly logger = new Logger('AuditPurge');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(AUDIT_LOG) private readonly log: AuditLog,
    @Inject(AUDIT_CONFIG) private readonly config: AuditConfig,
    @Inject(AUDIT_CLOCK) private readonly clock: AuditClock,
    @Inject(PURGE_LOCK) private readonly lock: PurgeLock,
  ) {}

  start(): void {
    void this.runScheduled();
    this.timer = setInterval(() => void this.runScheduled(), this.config.purgeEveryMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One scheduled run: purges unless another process holds this period's lock. Never throws (it runs on a timer). */
  async runScheduled(): Promise<PurgeResult | null> {
    try {
      // A minute short of the period, so the next run of whichever process comes first is never blocked.
      if (!(await this.lock.tryAcquire(Math.max(this.config.purgeEveryMs - 60_000, 1_000)))) return null;
      const result = await this.purge();
      this.logger.log(`Purged ${result.purged} audit records older than ${result.cutoff}`);
      return result;
    } catch (error) {
      this.logger.error(`The audit retention purge failed: ${String(error)}`);
      return null;
    }
  }

  /** Removes records older than the retention period (counted from the injected clock) and records that it did. */
  async purge(): Promise<PurgeResult> {
    const now = this.clock();
    const cutoff = new Date(now.getTime() - this.config.retentionDays * DAY_MS);
    const purged = await this.log.purgeOlderThan(cutoff);
    const record: AuditRecord = {
      id: uuidv7(),
      at: now.toISOString(),
      actor: { id: 'audit-retention', kind: 'system' },
      ip: null,
      userAgent: null,
      action: 'admin.audit_purged',
      outcome: 'success',
      details: { purged, cutoff: cutoff.toISOString(), retentionDays: this.config.retentionDays },
    };
    // Written at once, not buffered: the purge has happened, its record must not wait on a timer.
    await this.log.record([record]);
    return { purged, cutoff: cutoff.toISOString() };
  }
}
