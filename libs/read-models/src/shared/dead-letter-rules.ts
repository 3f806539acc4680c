import { InvalidCommitError } from '../store/errors';
import type { DeadLetter, DeadLetterInput } from '../store/read-model-store.port';

export function toDeadLetter(projection: string, input: DeadLetterInput, now: number): DeadLetter {
  if (!Number.isSafeInteger(input.position) || input.position < 1) {
    throw new InvalidCommitError(`a dead letter needs the event's position, got ${input.position}`);
  }
  return {
    projection,
    position: input.position,
    eventId: input.eventId,
    type: input.type,
    error: input.error,
    failedAt: new Date(now).toISOString(),
  };
}

export function byPosition(a: { position: number }, b: { position: number }): number {
  return a.position - b.position;
}
