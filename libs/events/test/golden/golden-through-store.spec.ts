import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryEventStore } from '../../src/adapters/memory/in-memory-event-store';
import { openSqlite } from '../../src/adapters/sqlite/sqlite-connection';
import { SqliteEventStore } from '../../src/adapters/sqlite/sqlite-event-store';
import type { StoredEvent } from '../../src/envelope';
import type { EventStore } from '../../src/store/event-store.port';
import type { GoldenFixture } from '../../src/upcasting/golden-fixtures';
import { UpcasterChain } from '../../src/upcasting/upcaster-chain';
import { testEventUpcasters, validateTestEvent } from './test-event-upcasters';

const fixturesDir = join(__dirname, 'fixtures');
const fixtures: [string, GoldenFixture][] = readdirSync(fixturesDir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => [file, JSON.parse(readFileSync(join(fixturesDir, file), 'utf8')) as GoldenFixture]);
const todayChain = () => new UpcasterChain(testEventUpcasters);

async function collect(events: AsyncIterable<StoredEvent>): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

/** Every fixture must read back as today's event: valid, of today's version, equal to `today` when given. */
function expectTodaysShape(events: StoredEvent[]): void {
  expect(events).toHaveLength(fixtures.length);
  events.forEach((event, index) => {
    const [file, fixture] = fixtures[index];
    const chain = todayChain();
    expect({ file, type: event.type, schemaVersion: event.schemaVersion }).toEqual({ file, type: fixture.stored.type, schemaVersion: chain.currentVersion(event.type) });
    expect(() => validateTestEvent(event)).not.toThrow();
    if ('today' in fixture) expect({ file, data: event.data }).toEqual({ file, data: fixture.today });
  });
}

describe('golden fixtures read through a real store (contract test 10)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'bandpro-golden-store-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should read rows an old SQLite writer left behind as today\'s events, by stream and in the global feed', async () => {
    const file = join(dir, 'events.sqlite');
    await new SqliteEventStore({ filename: file }).close();
    // An old writer: no upcasters, its own schema versions, rows straight into the log.
    const db = openSqlite(file);
    const insert = db.prepare('INSERT INTO events (event_id, stream_id, version, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const metadata = JSON.stringify({ commandId: 'old', correlationId: 'old', causationId: 'old', actor: { id: 'u-1', kind: 'user' }, recordedAt: '2023-05-01T10:00:00.000Z' });
    fixtures.forEach(([name, { stored }], index) =>
      insert.run(`golden-${name}`, 'band-1', index + 1, stored.type, stored.schemaVersion, JSON.stringify(stored.data), metadata),
    );
    db.close();

    const store = new SqliteEventStore({ filename: file, upcasters: todayChain() });
    expectTodaysShape(await collect(store.readStream('band-1')));
    expectTodaysShape(await store.readAll());
    await store.close();
  });

  it.each<[string, () => EventStore]>([
    ['InMemoryEventStore', () => new InMemoryEventStore({ upcasters: todayChain() })],
    ['SqliteEventStore', () => new SqliteEventStore({ filename: join(dir, 'appended.sqlite'), upcasters: todayChain() })],
  ])('should read events appended with their old schema version as today\'s events in %s', async (_name, open) => {
    const store = open();
    for (const [file, { stored }] of fixtures) {
      await store.append('band-1', [stored], { expectedVersion: 'any', commandId: file, actor: { id: 'u-1', kind: 'user' } });
    }

    expectTodaysShape(await collect(store.readStream('band-1')));
    await store.close();
  });

  it('should stamp new events with today\'s schema version', async () => {
    const store = new InMemoryEventStore({ upcasters: todayChain() });

    const { events } = await store.append('band-1', [{ type: 'TempoSet', data: { bpm: 90, beatUnit: 4 } }], {
      expectedVersion: 'no_stream', commandId: 'c-1', actor: { id: 'u-1', kind: 'user' },
    });

    expect(events[0].schemaVersion).toBe(2);
  });
});
