import { atomicityCases } from './cases/atomicity.cases';
import { concurrencyCases } from './cases/concurrency.cases';
import { idempotencyCases } from './cases/idempotency.cases';
import { largeStreamCases } from './cases/large-stream.cases';
import { metadataCases } from './cases/metadata.cases';
import { processCases } from './cases/processes.cases';
import { readCases } from './cases/reads.cases';
import type { StoreFactory } from './support/store-factory';

export type { StoreFactory, StoreLocation, SharedStoreSettings } from './support/store-factory';

/**
 * The one suite every EventStore adapter runs (/work/shared/EVENT-STORE-CONTRACT.md, tests 1-6, 9
 * and 12; 7, 8, 10 and 11 live with the projector and the erasure/upcasting code).
 */
export function describeEventStoreContract(name: string, factory: StoreFactory): void {
  describe(`EventStore contract: ${name}`, () => {
    describe('optimistic concurrency (G1; tests 1, 2)', () => concurrencyCases(factory));
    describe('idempotent appends (G3; test 3)', () => idempotencyCases(factory));
    describe('atomic appends (G2; test 4)', () => atomicityCases(factory));
    describe('metadata and upcasting (G10, G8)', () => metadataCases(factory));
    describe('reads (G5)', () => readCases(factory));
    describe('a long stream (G5; test 9)', () => largeStreamCases(factory));
    // An in-memory store cannot be reached from another process, so these are skipped, by name.
    const acrossProcesses = factory.multiProcess ? describe : describe.skip;
    if (!factory.multiProcess) process.stdout.write(`${name}: the several-processes cases are skipped (an in-process store cannot be reached from another process)\n`);
    acrossProcesses('stores in several processes (G4, G11; tests 5, 6, 12)', () => processCases(factory));
  });
}
