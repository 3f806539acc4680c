import { createHash } from 'node:crypto';
import type { StoredEvent } from '../../../src/envelope';
import { openChildStore, envNumber, run, say, waitForGo } from './child-store';

/**
 * Contract test 6: appends WAVES waves (one event to its own stream, one to a stream both
 * writers share), waits until it can see the other writer's events too, then prints a digest
 * of the whole feed in position order.
 */
run(async () => {
  const name = process.env.WRITER_NAME as string;
  const waves = envNumber('WAVES');
  const total = envNumber('TOTAL_EVENTS');
  const store = await openChildStore();
  const actor = { id: name, kind: 'system' as const };
  say('ready');
  await waitForGo();
  for (let wave = 0; wave < waves; wave++) {
    await Promise.all([
      store.append(`own-${name}`, [{ type: 'Tick', data: { wave } }], { expectedVersion: wave, commandId: `${name}-own-${wave}`, actor }),
      store.append('shared', [{ type: 'Tick', data: { name, wave } }], { expectedVersion: 'any', commandId: `${name}-shared-${wave}`, actor }),
    ]);
  }
  const deadline = Date.now() + 30_000;
  while ((await store.headPosition()) < total) {
    if (Date.now() > deadline) throw new Error('The other writer never showed up');
    await new Promise((wake) => setTimeout(wake, 20));
  }
  const feed: StoredEvent[] = [];
  for (let page = await store.readAll(); page.length > 0; page = await store.readAll({ afterPosition: page[page.length - 1].position })) {
    feed.push(...page);
  }
  const digest = createHash('sha256').update(feed.map((event) => event.eventId).join(',')).digest('hex');
  const fromOther = feed.filter((event) => event.metadata.actor.id !== name).length;
  say(`done ${JSON.stringify({ digest, count: feed.length, fromOther })}`);
  await store.close();
});
