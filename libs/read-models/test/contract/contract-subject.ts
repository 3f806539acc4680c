import type { ReadModelStore } from '../../src';

/** What each adapter's spec hands the shared contract suite. */
export interface ContractSubject {
  store: ReadModelStore;
  dispose(): Promise<void>;
}

/** `clock` is the store's time source: tests move it to expire leases. */
export type ContractFactory = (clock: () => number) => Promise<ContractSubject>;

export class ManualClock {
  constructor(public now = Date.UTC(2026, 0, 1)) {}
  readonly read = (): number => this.now;
  advance(ms: number): void {
    this.now += ms;
  }
}

export interface ContractContext {
  store: ReadModelStore;
  clock: ManualClock;
}

/** Registers before/after hooks and returns a live view of the current store. */
export function useSubject(factory: ContractFactory): ContractContext {
  const context = {} as ContractContext;
  let subject: ContractSubject;
  beforeEach(async () => {
    context.clock = new ManualClock();
    subject = await factory(context.clock.read);
    context.store = subject.store;
  });
  afterEach(async () => {
    await subject.dispose();
  });
  return context;
}

export const at = (position: number) => ({ position, recordedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, position)).toISOString() });

/** A generation already active, with the given documents committed at position 1. */
export async function activeGenerationWith(
  store: ReadModelStore,
  projection: string,
  docs: Record<string, Record<string, unknown>>,
  collection = projection,
): Promise<number> {
  const generation = await store.beginGeneration(projection);
  const changes = Object.entries(docs).map(([id, doc]) => ({ collection, id, doc }));
  await store.commit(projection, generation, changes, at(1));
  await store.activate(projection, generation);
  return generation;
}
