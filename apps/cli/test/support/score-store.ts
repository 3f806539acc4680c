import { decide, evolve, initialScoreState, parsePitch, type ScoreCommand, type ScoreEvent, type ScoreState } from '@bandpro/domain';
import { createEventStore, type EventStore } from '@bandpro/events';
import { join } from 'node:path';
import { withTempDir } from './bandpro';

/** A fixed, valid UUIDv7 per number: the domain takes only ULIDs and UUIDs as ids. */
export function uuid(n: number): string {
  return `0193a000-0000-7000-8000-${String(n).padStart(12, '0')}`;
}

/** The ids the tests look for: a score written by two people, with one note edited, one part renamed, one note deleted. */
export const IDS = {
  scoreId: uuid(1),
  trumpet: uuid(2),
  trombone: uuid(3),
  bars: [uuid(4), uuid(5)],
  trumpetEntry: uuid(6),
  trumpetNote: uuid(7),
  tromboneEntry: uuid(8),
  tromboneNote: uuid(9),
} as const;

const ANN = { id: 'ann', kind: 'user' as const };
const BOB = { id: 'bob', kind: 'user' as const };

function metadata(actor: typeof ANN, minute: number): ScoreCommand['metadata'] {
  return { actor, at: `2026-11-20T10:${String(minute).padStart(2, '0')}:00.000Z` };
}

/**
 * v1 CreateScore (ann), v2 trumpet C5 (ann), v3 trombone C3 (bob), v4 trumpet C5→D5 (bob),
 * v5 trumpet renamed "Lead" (ann), v6 trombone note deleted (bob).
 */
export function bluesCommands(scoreId: string = IDS.scoreId): ScoreCommand[] {
  const { trumpet, trombone, bars, trumpetEntry, trumpetNote, tromboneEntry, tromboneNote } = IDS;
  const at = (partId: string, entryId: string) => ({ partId, staff: 1 as const, measureId: bars[0], voice: 1, entryId });
  const write = (partId: string, entryId: string, noteId: string, pitch: string, actor: typeof ANN, minute: number): ScoreCommand => ({
    type: 'WriteNote',
    data: { ...at(partId, entryId), offset: { num: 0, den: 1 }, duration: { type: 'quarter', dots: 0 }, notes: [{ id: noteId, pitch: parsePitch(pitch) }] },
    metadata: metadata(actor, minute),
  });
  return [
    {
      type: 'CreateScore',
      data: { scoreId, title: 'Test Blues', composer: 'The Tests', parts: [{ partId: trumpet, instrumentId: 'trumpet-bb' }, { partId: trombone, instrumentId: 'trombone' }], measureIds: [...bars] },
      metadata: metadata(ANN, 0),
    },
    write(trumpet, trumpetEntry, trumpetNote, 'C5', ANN, 1),
    write(trombone, tromboneEntry, tromboneNote, 'C3', BOB, 2),
    { type: 'ChangePitch', data: { ...at(trumpet, trumpetEntry), noteId: trumpetNote, pitch: parsePitch('D5') }, metadata: metadata(BOB, 3) },
    { type: 'RenamePart', data: { partId: trumpet, name: 'Lead' }, metadata: metadata(ANN, 4) },
    { type: 'DeleteNote', data: at(trombone, tromboneEntry), metadata: metadata(BOB, 5) },
  ] as ScoreCommand[];
}

/** Decide and append, as the API does, into a new stream: one append per command, with its commandId and actor. */
export async function execute(store: EventStore, scoreId: string, commands: readonly ScoreCommand[], commandIdPrefix = 'cmd'): Promise<ScoreState> {
  let state = initialScoreState();
  let version = 0;
  for (const [index, command] of commands.entries()) {
    const events = decide(command, state);
    await store.append(scoreId, events, { expectedVersion: version === 0 ? 'no_stream' : version, commandId: `${commandIdPrefix}-${scoreId}-${index + 1}`, actor: command.metadata.actor });
    state = events.reduce((s, event) => evolve(s, event as ScoreEvent), state);
    version += events.length;
  }
  return state;
}

/** A real SQLite store under `dataDir` holding the other scores asked for, then the blues score. */
export async function storeWithBlues(dataDir: string, otherScores: readonly string[] = []): Promise<void> {
  const store = await createEventStore({ dataDir });
  try {
    for (const scoreId of otherScores) await execute(store, scoreId, bluesCommands(scoreId));
    await execute(store, IDS.scoreId, bluesCommands());
  } finally {
    await store.close();
  }
}

/**
 * For a describe block: a temp dir holding a store with the blues score under `<dir>/data`, made before its
 * tests and removed after them. `extra` prepares more files in the temp dir.
 */
export function useBluesStore(extra?: (dir: string) => Promise<void>): { readonly dir: string; readonly dataDir: string } {
  let tmp: Awaited<ReturnType<typeof withTempDir>> | undefined;
  beforeAll(async () => {
    tmp = await withTempDir();
    await storeWithBlues(join(tmp.dir, 'data'));
    await extra?.(tmp.dir);
  });
  afterAll(() => tmp?.remove());
  return {
    get dir() {
      return (tmp as { dir: string }).dir;
    },
    get dataDir() {
      return join((tmp as { dir: string }).dir, 'data');
    },
  };
}
