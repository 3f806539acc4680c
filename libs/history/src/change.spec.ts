import { changesOf, type HistoryEvent } from './change';

function event(version: number, commandId: string, correlationId = commandId, actorId = 'ann'): HistoryEvent {
  return {
    type: 'NoteWritten',
    data: {},
    version,
    metadata: { commandId, correlationId, causationId: commandId, actor: { id: actorId, kind: 'user' }, recordedAt: `2026-01-01T00:00:0${version}Z` },
  };
}

describe('changesOf', () => {
  it('should make one change of the consecutive events of one command', () => {
    const changes = changesOf([event(1, 'a'), event(2, 'a'), event(3, 'b', 'b', 'bob')]);

    expect(changes.map((c) => [c.commandId, c.fromVersion, c.toVersion, c.actor.id, c.kind, c.events.length])).toEqual([
      ['a', 1, 2, 'ann', 'edit', 2],
      ['b', 3, 3, 'bob', 'edit', 1],
    ]);
  });

  it('should read undo and redo changes and the change each one reverses from the correlation id', () => {
    const [, undo, redo] = changesOf([event(1, 'a'), event(2, 'u', 'undo:a'), event(3, 'r', 'redo:u')]);

    expect([undo.kind, undo.target, redo.kind, redo.target]).toEqual(['undo', 'a', 'redo', 'u']);
  });

  it('should start a new change when versions are not consecutive, even with the same command id', () => {
    expect(changesOf([event(1, 'a'), event(3, 'a')])).toHaveLength(2);
  });
});
