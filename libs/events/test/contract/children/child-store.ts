import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createEventStore, type CreateEventStoreOptions } from '../../../src/adapters/create-event-store';
import type { EventStore } from '../../../src/store/event-store.port';

/** Opens the store the parent test named in BANDPRO_STORE (see ../support/child-process.ts). */
export function openChildStore(options: Omit<CreateEventStoreOptions, 'dataDir' | 'mongodbUri'> = {}): Promise<EventStore> {
  const settings = JSON.parse(process.env.BANDPRO_STORE ?? '{}') as CreateEventStoreOptions;
  return createEventStore({ ...settings, ...options });
}

/** Written synchronously, so a line is out before the process blocks or is killed. */
export function say(line: string): void {
  writeSync(1, `${line}\n`);
}

/** Lets the parent start several children at the same moment. */
export function waitForGo(): Promise<void> {
  return new Promise((go) => {
    const input = createInterface({ input: process.stdin });
    input.once('line', () => {
      input.close();
      // An open stdin would keep this process alive after its work is done.
      process.stdin.destroy();
      go();
    });
  });
}

export function envNumber(name: string): number {
  const value = Number(process.env[name]);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number`);
  return value;
}

export function run(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
