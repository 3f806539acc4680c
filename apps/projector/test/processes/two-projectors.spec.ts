import type { EventStore } from '@bandpro/events';
import type { SqliteReadModelStore } from '@bandpro/read-models';
import { resolve } from 'node:path';
import { cleanRebuild, SqliteFixture, talliesIn } from '../fixtures/sqlite-fixture';
import { eventually } from '../fixtures/runner-harness';
import { appendTally, counted, expectedTallies, moved, tallyProjection } from '../fixtures/tally.projection';
import { ProjectionRunner } from '../../src/runtime/projection-runner';
import { TsChild } from './child-process';

const CHILD = resolve(__dirname, 'tally-runner.child.ts');

// Child processes start TypeScript through ts-node: seconds, not milliseconds, on a busy machine.
jest.setTimeout(60_000);
// Leases long enough that a starved CI machine (2 cores, every project's tests at once) does not expire
// the first projector's lease between two of its batches; takeover after the kill waits out this TTL.
const LEASE_TTL_MS = 8000;

/** Contract test 7 across OS processes: kill -9 mid-batch, and two projectors on one file. */
describe('projector processes sharing one SQLite file', () => {
  let fixture: SqliteFixture;
  let events: EventStore;
  let store: SqliteReadModelStore;
  const children: TsChild[] = [];
  const child = (ownerId: string, ttlMs: number, batchSize: number) => {
    const started = new TsChild(CHILD, [fixture.file, ownerId, String(ttlMs), String(batchSize)]);
    children.push(started);
    return started;
  };

  beforeEach(() => {
    fixture = new SqliteFixture();
    events = fixture.events();
    store = fixture.readModels();
  });

  afterEach(async () => {
    await Promise.all(children.splice(0).map((c) => (c.process.exitCode === null && c.process.signalCode === null ? c.kill() : c.exited)));
    await fixture.dispose();
  });

  async function appendMany(count: number, prefix = ''): Promise<void> {
    for (let i = 0; i < count; i++) await appendTally(events, counted(`${prefix}k${i % 7}`, i), moved(`${prefix}k${i % 7}`, `${prefix}k${(i * 3) % 7}`, 1));
  }

  it('should rebuild the same read model after a projector is killed with -9 in the middle of a rebuild', async () => {
    await appendMany(800);
    const head = await events.headPosition();
    const victim = child('victim', 500, 7);
    await victim.waitFor((line) => line['mode'] === 'rebuild' && (line['batch'] as number) > head / 4);
    await victim.kill('SIGKILL');
    const [building] = await store.generations('tally');
    expect(building).toMatchObject({ status: 'building' });
    expect(building.checkpoint.position).toBeGreaterThan(head / 4);
    expect(building.checkpoint.position).toBeLessThan(head);

    const successor = new ProjectionRunner({ projection: tallyProjection, events, store, ownerId: 'successor' });
    await eventually(() => successor.catchUp().then(() => true, () => false), 10_000);

    expect(await store.generations('tally')).toEqual([expect.objectContaining({ status: 'active', checkpoint: expect.objectContaining({ position: head }) })]);
    const readModel = await talliesIn(store);
    expect(readModel).toEqual(await expectedTallies(events));
    expect(readModel).toEqual(await cleanRebuild(events));
    await successor.stop();
  });

  it('should let one of two projectors work while the other stands by, and take over when the first is killed mid-batch', async () => {
    await appendMany(20);
    const first = child('first', LEASE_TTL_MS, 7);
    await first.waitFor((line) => line['state'] === 'running');
    const second = child('second', LEASE_TTL_MS, 50);
    await second.waitFor((line) => line['state'] === 'standby');
    expect(await store.leaseHolder('tally')).toMatchObject({ ownerId: 'first' });

    await appendMany(800, 'x');
    const head = await events.headPosition();
    await first.waitFor((line) => line['mode'] === 'live' && (line['batch'] as number) > head / 3);
    await first.kill('SIGKILL');
    expect((await store.checkpoint('tally')).position).toBeLessThan(head);
    expect(second.lines.some((line) => 'batch' in line)).toBe(false);

    await appendMany(10, 'y');
    await second.waitFor((line) => line['state'] === 'running');
    await eventually(async () => (await store.checkpoint('tally')).position === (await events.headPosition()), 30_000);

    expect(await store.leaseHolder('tally')).toMatchObject({ ownerId: 'second' });
    const readModel = await talliesIn(store);
    expect(readModel).toEqual(await expectedTallies(events));
    expect(readModel).toEqual(await cleanRebuild(events));
    await second.kill('SIGTERM');
    expect(second.lines).toContainEqual({ stopped: true });
    expect(await store.leaseHolder('tally')).toBeUndefined();
  });
});
