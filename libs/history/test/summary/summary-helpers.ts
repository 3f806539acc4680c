import type { ScoreCommand, ScoreEvent, ScoreState } from '@bandpro/domain';
import { run } from '@bandpro/domain/testing';
import type { Change, ChangeKind } from '../../src/change';
import { summarize } from '../../src/summary';

/** A change as changesOf would make it from these events. */
export function changeOf(events: readonly { type: string; data: unknown }[], kind: ChangeKind = 'edit'): Change {
  const metadata = { commandId: 'c1', correlationId: 'c1', causationId: 'c1', actor: { id: 'u1', kind: 'user' as const }, recordedAt: '2026-01-01T00:00:00Z' };
  return {
    commandId: 'c1',
    fromVersion: 1,
    toVersion: events.length,
    actor: metadata.actor,
    recordedAt: metadata.recordedAt,
    kind,
    events: events.map((e, i) => ({ type: e.type, data: e.data, version: i + 1, metadata })),
  };
}

/** The summary of `events` applied to `before`, in English and in Traditional Chinese. */
export function sayEvents(events: readonly { type: string; data: unknown }[], before: ScoreState, kind: ChangeKind = 'edit'): [string, string] {
  const change = changeOf(events, kind);
  return [summarize(change, before, { locale: 'en', actorName: 'Alice' }), summarize(change, before, { locale: 'zh-Hant', actorName: 'Alice' })];
}

/** The events `commands` make from `before`. */
export const eventsOf = (before: ScoreState, ...commands: ScoreCommand[]): ScoreEvent[] => run(commands, before).events;

/** The summary of what `commands` do to `before`, as one change. */
export const say = (before: ScoreState, ...commands: ScoreCommand[]): [string, string] => sayEvents(eventsOf(before, ...commands), before);
