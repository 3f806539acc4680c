import { openChildStore, envNumber, run, say } from './child-store';

/**
 * Contract test 5: appends two events and, inside its transaction (rows written, not committed),
 * blocks for HOLD_MS: a writer that is slow to commit.
 */
run(async () => {
  const holdMs = envNumber('HOLD_MS');
  const store = await openChildStore({
    hooks: {
      beforeCommit() {
        say('holding');
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, holdMs);
      },
    },
  });
  const result = await store.append(
    'slow-writer',
    [{ type: 'NoteAdded', data: { n: 1 } }, { type: 'NoteAdded', data: { n: 2 } }],
    { expectedVersion: 'no_stream', commandId: 'slow-1', actor: { id: 'slow', kind: 'system' } },
  );
  say(`committed ${JSON.stringify(result.events.map((event) => event.position))}`);
  await store.close();
});
