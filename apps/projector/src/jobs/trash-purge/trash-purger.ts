import type { AuditLog } from '@bandpro/audit';
import { WrongExpectedVersionError, type Actor, type EventStore, type SnapshotStore, type StoredEvent } from '@bandpro/events';
import { SCORE_LIBRARY_COLLECTION, type LibraryScoreDoc, type ReadModelStore } from '@bandpro/read-models';
import { v7 as uuidv7 } from 'uuid';
import { lifecycleStreamId } from '../../projections/lifecycle-events';

const DAY_MS = 24 * 60 * 60 * 1000;
export const TRASH_PURGE_ACTOR: Actor = { id: 'trash-purge', kind: 'system' };

export interface TrashPurgerOptions {
  events: EventStore;
  readModels: ReadModelStore;
  snapshots: Pick<SnapshotStore, 'deleteStream'>;
  /** Each purge is recorded here when given ('score.purged'). */
  audit?: Pick<AuditLog, 'record'>;
  retentionDays: number;
  now?: () => number;
}

export interface PurgeReport {
  /** Trashed on or before this instant (ISO-8601) means due. */
  cutoff: string;
  purged: string[];
  /** Due by the library, but the lifecycle stream said otherwise (restored since, or purged by another instance). */
  skipped: string[];
}

/**
 * Purges scores that have sat in the trash longer than the retention: appends ScorePurged to the
 * score's lifecycle stream, and every read model and cache drops the score on it. The library
 * names the candidates; the lifecycle stream decides, and the append expects the version it read,
 * so a restore in between or a second projector doing the same wins, and this one skips.
 */
export class TrashPurger {
  private readonly now: () => number;

  constructor(private readonly options: TrashPurgerOptions) {
    this.now = options.now ?? Date.now;
  }

  async purgeDue(): Promise<PurgeReport> {
    const cutoff = new Date(this.now() - this.options.retentionDays * DAY_MS).toISOString();
    const trashed = await this.options.readModels.find<LibraryScoreDoc>(SCORE_LIBRARY_COLLECTION, { where: { kind: 'score', trashed: true }, orderBy: { field: 'trashedAt' } });
    const report: PurgeReport = { cutoff, purged: [], skipped: [] };
    for (const { scoreId, trashedAt } of trashed) {
      if (trashedAt === null || trashedAt > cutoff) continue;
      const list = (await this.purge(scoreId, cutoff)) ? report.purged : report.skipped;
      list.push(scoreId);
    }
    return report;
  }

  private async purge(scoreId: string, cutoff: string): Promise<boolean> {
    const { events, snapshots } = this.options;
    const streamId = lifecycleStreamId(scoreId);
    const version = await events.streamVersion(streamId);
    const last = await lastEvent(events, streamId, version);
    if (last?.type !== 'ScoreTrashed' || last.metadata.recordedAt > cutoff) return false;
    // Snapshots first: they are derived, so deleting them twice or in vain costs a replay, never data.
    await snapshots.deleteStream(scoreId);
    const trashedAt = last.metadata.recordedAt;
    try {
      const appended = await events.append(streamId, [{ type: 'ScorePurged', data: { scoreId, trashedAt } }], {
        expectedVersion: version,
        commandId: `purge-${scoreId}-${version}`,
        actor: TRASH_PURGE_ACTOR,
      });
      if (appended.duplicate) return false;
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) return false;
      throw error;
    }
    await this.audit(scoreId, trashedAt);
    return true;
  }

  private async audit(scoreId: string, trashedAt: string): Promise<void> {
    await this.options.audit?.record([{
      id: uuidv7(),
      at: new Date(this.now()).toISOString(),
      actor: TRASH_PURGE_ACTOR,
      ip: null,
      userAgent: null,
      action: 'score.purged',
      scoreId,
      outcome: 'success',
      details: { trashedAt, retentionDays: this.options.retentionDays },
    }]);
  }
}

async function lastEvent(events: EventStore, streamId: string, version: number): Promise<StoredEvent | undefined> {
  if (version === 0) return undefined;
  for await (const event of events.readStream(streamId, { fromVersion: version })) return event;
  return undefined;
}
