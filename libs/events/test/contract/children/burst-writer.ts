import { openChildStore, run, say } from './child-store';

const STREAMS = 5;
const WAVE = 10;

/**
 * Contract test 12: appends in waves of concurrent appends until killed, printing an `ack` line
 * for every append the store acknowledged. The parent kills it with SIGKILL mid-burst.
 */
run(async () => {
  const store = await openChildStore();
  const actor = { id: 'burst', kind: 'system' as const };
  for (let wave = 0; ; wave++) {
    const appends = Array.from({ length: WAVE }, async (_, i) => {
      const streamId = `burst-${i % STREAMS}`;
      const size = 1 + ((wave + i) % 3);
      const events = Array.from({ length: size }, (_, n) => ({ type: 'Beat', data: { wave, i, n } }));
      const result = await store.append(streamId, events, { expectedVersion: 'any', commandId: `burst-${wave}-${i}`, actor });
      say(`ack ${JSON.stringify(result.events.map(({ eventId, streamId, version, position }) => ({ eventId, streamId, version, position })))}`);
    });
    await Promise.all(appends);
  }
});
