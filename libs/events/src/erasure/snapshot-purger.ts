import type { EventStore } from '../store/event-store.port';
import type { SnapshotStore } from '../snapshots/snapshot-store.port';
import type { ErasureListener } from './personal-data-vault';
import { findSealedSubjects } from './sealed-value';

/**
 * The streams whose events hold sealed data of `subjectId`. It scans the whole log: erasures are
 * rare, and an index kept beside the log would be one more copy of who-is-where to keep right.
 */
export async function streamsHoldingSubject(store: EventStore, subjectId: string, pageSize = 1_000): Promise<Set<string>> {
  const streams = new Set<string>();
  for (let afterPosition = 0; ; ) {
    const page = await store.readAll({ afterPosition, limit: pageSize });
    if (page.length === 0) return streams;
    for (const event of page) {
      if (!streams.has(event.streamId) && findSealedSubjects(event.data).has(subjectId)) streams.add(event.streamId);
    }
    afterPosition = page[page.length - 1].position;
  }
}

/**
 * Purges the snapshots of every stream holding the subject's data (contract G9): a snapshot may
 * hold that data opened, and even sealed it would outlive the purge of read models. Snapshots are
 * derived, so the next load rebuilds them from events that now read as erased.
 */
export class SnapshotPurger implements ErasureListener {
  constructor(private readonly options: { store: EventStore; snapshots: SnapshotStore; pageSize?: number }) {}

  async purgeSubject(subjectId: string): Promise<void> {
    const { store, snapshots, pageSize } = this.options;
    for (const streamId of await streamsHoldingSubject(store, subjectId, pageSize)) {
      await snapshots.deleteStream(streamId);
    }
  }
}
