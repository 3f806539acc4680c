import type { Change, HistoryActor } from '../change';

/** Consecutive changes by one actor, shown as one entry of the history list. */
export interface Session {
  actor: HistoryActor;
  fromVersion: number;
  toVersion: number;
  startedAt: string;
  endedAt: string;
  changeCount: number;
}

export interface SessionOptions {
  /** The longest pause between two changes of one session (default five minutes). */
  gapMs?: number;
}

const sameActor = (a: HistoryActor, b: HistoryActor): boolean => a.id === b.id && a.kind === b.kind;

/** Groups changes (in version order): same actor, each at most `gapMs` after the previous one. */
export function groupSessions(changes: readonly Change[], { gapMs = 5 * 60_000 }: SessionOptions = {}): Session[] {
  const sessions: Session[] = [];
  for (const change of changes) {
    const last = sessions[sessions.length - 1];
    const gap = last ? Date.parse(change.recordedAt) - Date.parse(last.endedAt) : Infinity;
    if (last && sameActor(last.actor, change.actor) && gap <= gapMs) {
      last.toVersion = change.toVersion;
      last.endedAt = change.recordedAt;
      last.changeCount += 1;
      continue;
    }
    sessions.push({
      actor: change.actor,
      fromVersion: change.fromVersion,
      toVersion: change.toVersion,
      startedAt: change.recordedAt,
      endedAt: change.recordedAt,
      changeCount: 1,
    });
  }
  return sessions;
}
