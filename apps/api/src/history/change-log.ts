import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@bandpro/domain';
import type { EventStore } from '@bandpro/events';
import { changesOf, pushToUndoStack, type Change, type HistoryEvent, type UndoStack } from '@bandpro/history';
import { EVENT_STORE } from '../infrastructure/tokens';

export interface ScoreLog {
  version: number;
  events: HistoryEvent[];
  changes: Change[];
  /** Each person's undo and redo stacks, kept as changes arrive (the score's creation is never undoable). */
  stacks: Map<string, UndoStack>;
}

/** Scores whose change lists stay in memory; the least recently read leave first. */
const MAX_SCORES = 32;

const STARTS_A_SCORE = new Set(['ScoreCreated', 'ScoreImported']);

/**
 * A score's changes (one per command), derived from its events and kept warm per process: a request reads
 * only the events appended since the last one, so history pages and undo stay fast on long histories.
 * Nothing here is a second source of truth: dropping the cache only costs a re-read.
 */
@Injectable()
export class ChangeLog {
  private readonly entries = new Map<string, ScoreLog>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async read(scoreId: string): Promise<ScoreLog> {
    const entry = this.entries.get(scoreId) ?? { version: 0, events: [], changes: [], stacks: new Map() };
    const fresh: HistoryEvent[] = [];
    for await (const event of this.store.readStream(scoreId, { fromVersion: entry.version + 1 })) fresh.push(event);
    if (entry.version === 0 && fresh.length === 0) throw new NotFoundError('SCORE_NOT_FOUND', 'There is no such score', { scoreId });
    const next = fresh.length === 0 ? entry : extend(entry, fresh);
    this.remember(scoreId, next);
    return next;
  }

  /** Events from..to (inclusive), from the cache when it holds them. */
  async events(scoreId: string, fromVersion: number, toVersion: number): Promise<HistoryEvent[]> {
    const { events } = await this.read(scoreId);
    return events.slice(fromVersion - 1, toVersion);
  }

  private remember(scoreId: string, entry: ScoreLog): void {
    this.entries.delete(scoreId);
    this.entries.set(scoreId, entry);
    if (this.entries.size > MAX_SCORES) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/** Appends new events; the last cached change grows when the new events continue its command. */
function extend(entry: ScoreLog, fresh: HistoryEvent[]): ScoreLog {
  const events = entry.events.concat(fresh);
  const last = entry.changes[entry.changes.length - 1];
  const continues = last !== undefined && last.commandId === fresh[0].metadata.commandId;
  const head = continues ? entry.changes.slice(0, -1) : entry.changes;
  const added = changesOf(continues ? last.events.concat(fresh) : fresh);
  const changes = head.concat(added);
  // A continued change replaces one the stacks may hold: rebuild them (rare: a command is one append).
  const stacks = continues ? stacksOf(changes) : entry.stacks;
  if (!continues) addToStacks(stacks, added);
  return { version: events[events.length - 1].version, events, changes, stacks };
}

function stacksOf(changes: readonly Change[]): Map<string, UndoStack> {
  const stacks = new Map<string, UndoStack>();
  addToStacks(stacks, changes);
  return stacks;
}

function addToStacks(stacks: Map<string, UndoStack>, changes: readonly Change[]): void {
  for (const change of changes) {
    if (STARTS_A_SCORE.has(change.events[0].type)) continue;
    let stack = stacks.get(change.actor.id);
    if (!stack) stacks.set(change.actor.id, (stack = { undoable: [], redoable: [] }));
    pushToUndoStack(stack, change);
  }
}
