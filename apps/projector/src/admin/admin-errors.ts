import { ProjectorError } from '../runtime/errors';

/** `rebuild <name>` for a projection the projector does not have. */
export class UnknownProjectionError extends ProjectorError {
  readonly code = 'PROJECTION_NOT_FOUND';
  constructor(
    readonly projection: string,
    known: readonly string[],
  ) {
    super(`No projection named "${projection}". Projections: ${known.join(', ')}`);
    this.name = 'UnknownProjectionError';
  }
}
