import type { Change, HistoryActor } from '../../src/change';
import { groupSessions } from '../../src/summary';

const ann: HistoryActor = { id: 'ann', kind: 'user' };
const bob: HistoryActor = { id: 'bob', kind: 'user' };

function change(version: number, actor: HistoryActor, minute: number): Change {
  const recordedAt = new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString();
  return { commandId: `c${version}`, fromVersion: version, toVersion: version, actor, recordedAt, kind: 'edit', events: [] };
}

describe('groupSessions', () => {
  it('should join consecutive changes by one actor made at most five minutes apart', () => {
    const sessions = groupSessions([change(1, ann, 0), change(2, ann, 4), change(3, ann, 9), change(4, ann, 20)]);

    expect(sessions.map((s) => [s.fromVersion, s.toVersion, s.changeCount, s.startedAt.slice(11, 16), s.endedAt.slice(11, 16)])).toEqual([
      [1, 3, 3, '10:00', '10:09'],
      [4, 4, 1, '10:20', '10:20'],
    ]);
  });

  it('should start a new session when another actor steps in, even within the gap', () => {
    const sessions = groupSessions([change(1, ann, 0), change(2, bob, 1), change(3, ann, 2)]);

    expect(sessions.map((s) => [s.actor.id, s.changeCount])).toEqual([
      ['ann', 1],
      ['bob', 1],
      ['ann', 1],
    ]);
  });

  it('should take the gap it is given', () => {
    expect(groupSessions([change(1, ann, 0), change(2, ann, 2)], { gapMs: 60_000 })).toHaveLength(2);
    expect(groupSessions([])).toEqual([]);
  });
});
