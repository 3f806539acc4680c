/** Base of the projector runtime's own errors: each has a stable code for logs and callers. */
export abstract class ProjectorError extends Error {
  abstract readonly code: string;
}

/** A rebuild met an event its projection cannot handle: the old generation stays active. */
export class RebuildFailedError extends ProjectorError {
  readonly code = 'PROJECTION_REBUILD_FAILED';
  constructor(
    readonly projection: string,
    readonly position: number,
    readonly reason: string,
  ) {
    super(`Rebuild of ${projection} failed at position ${position}: ${reason}`);
    this.name = 'RebuildFailedError';
  }
}

/** Another instance holds the projection's lease. */
export class LeaseUnavailableError extends ProjectorError {
  readonly code = 'PROJECTION_LEASE_UNAVAILABLE';
  constructor(
    readonly projection: string,
    readonly holder: string | undefined,
  ) {
    super(`Projection ${projection} is run by ${holder ?? 'another instance'}`);
    this.name = 'LeaseUnavailableError';
  }
}
