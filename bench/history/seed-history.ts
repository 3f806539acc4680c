import { openSqlite, SqliteEventStore, SQLITE_FILE_NAME } from '@bandpro/events';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { register, type ApiProcess, type BandMember } from '../harness/api-process';
import { generateScoreHistory } from '../store/score/score-history';

export interface SeededHistory {
  scoreId: string;
  head: number;
  owner: BandMember;
}

/** Three people edit in turn; the owner makes the last `ownerTail` commands alone (so undo has work without clashes). */
export async function seedHistory(api: ApiProcess, dataDir: string, events: number, ownerTail = 500): Promise<SeededHistory> {
  const band = await Promise.all(['ann', 'ben', 'cat'].map((name) => register(api, name)));
  // The generator's actor only shows in data as the owner (CreateScore); the others are assigned as the log is written.
  const history = generateScoreHistory({ events, actorOf: () => band[0].userId });
  const tailFrom = history.events.length - ownerTail;
  const db = openSqlite(join(dataDir, SQLITE_FILE_NAME));
  const store = new SqliteEventStore({ db });
  try {
    let version = 0;
    for (const [n, { events: count }] of history.commandLog.entries()) {
      if (count === 0) continue;
      const actor = band[n === 0 || version >= tailFrom ? 0 : n % 3].userId;
      const batch = history.events.slice(version, version + count).map(({ type, data }) => ({ type, data }));
      await store.append(history.scoreId, batch, { expectedVersion: version === 0 ? 'no_stream' : version, commandId: uuidv7(), actor: { id: actor, kind: 'user' } });
      version += count;
    }
    return { scoreId: history.scoreId, head: version, owner: band[0] };
  } finally {
    await store.close();
  }
}
