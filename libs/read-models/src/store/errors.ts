/** Base of every error a read model store throws; driver errors never escape an adapter. */
export abstract class ReadModelStoreError extends Error {
  abstract readonly code: string;
}

export class GenerationNotFoundError extends ReadModelStoreError {
  readonly code = 'GENERATION_NOT_FOUND';
  constructor(
    readonly projection: string,
    readonly generation: number,
  ) {
    super(`Projection ${projection} has no generation ${generation}`);
    this.name = 'GenerationNotFoundError';
  }
}

export class GenerationActiveError extends ReadModelStoreError {
  readonly code = 'GENERATION_ACTIVE';
  constructor(
    readonly projection: string,
    readonly generation: number,
  ) {
    super(`Generation ${generation} of ${projection} is active: activate another one before dropping it`);
    this.name = 'GenerationActiveError';
  }
}

export class CollectionOwnedError extends ReadModelStoreError {
  readonly code = 'COLLECTION_OWNED_BY_ANOTHER_PROJECTION';
  constructor(
    readonly collection: string,
    readonly owner: string,
    readonly projection: string,
  ) {
    super(`Collection ${collection} belongs to projection ${owner}, not ${projection}`);
    this.name = 'CollectionOwnedError';
  }
}

export class LeaseLostError extends ReadModelStoreError {
  readonly code = 'LEASE_LOST';
  constructor(
    readonly projection: string,
    readonly ownerId: string,
  ) {
    super(`${ownerId} no longer holds the lease of projection ${projection}`);
    this.name = 'LeaseLostError';
  }
}

export class InvalidQueryError extends ReadModelStoreError {
  readonly code = 'INVALID_QUERY';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidQueryError';
  }
}

export class InvalidCommitError extends ReadModelStoreError {
  readonly code = 'INVALID_COMMIT';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCommitError';
  }
}

export class InvalidLeaseError extends ReadModelStoreError {
  readonly code = 'INVALID_LEASE_REQUEST';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidLeaseError';
  }
}

export class ReadModelStoreUnavailableError extends ReadModelStoreError {
  readonly code = 'READ_MODEL_STORE_UNAVAILABLE';
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'ReadModelStoreUnavailableError';
  }
}
