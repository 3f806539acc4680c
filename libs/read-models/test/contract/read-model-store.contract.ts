import { coordinationContract } from './coordination.contract';
import type { ContractFactory } from './contract-subject';
import { documentsContract } from './documents.contract';
import { findContract } from './find.contract';
import { generationsContract } from './generations.contract';

export type { ContractFactory, ContractSubject } from './contract-subject';

/** The one suite every ReadModelStore adapter runs (contract G6 on the read side). */
export function describeReadModelStoreContract(name: string, factory: ContractFactory): void {
  describe(`ReadModelStore contract: ${name}`, () => {
    documentsContract(factory);
    generationsContract(factory);
    findContract(factory);
    coordinationContract(factory);
  });
}
