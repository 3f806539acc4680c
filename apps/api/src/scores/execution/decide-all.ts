import { decide, evolve, isDomainError, type CommandMetadata, type ScoreCommand, type ScoreEvent, type ScoreState } from '@bandpro/domain';
import { ApiError } from '../../common/errors/api-error';

export interface CommandInput {
  type: string;
  data: unknown;
}

/**
 * Decides the commands one after the other, each on the state the previous ones leave, so a
 * batch is judged exactly as if its commands had been sent one by one, but lands as one append.
 */
export function decideAll(commands: readonly CommandInput[], state: ScoreState, metadata: CommandMetadata): ScoreEvent[] {
  const decided: ScoreEvent[] = [];
  let current = state;
  commands.forEach((input, index) => {
    const events = decideOne({ ...input, metadata } as ScoreCommand, current, commands.length > 1 ? index : undefined);
    for (const event of events) current = evolve(current, event);
    decided.push(...events);
  });
  return decided;
}

/** The domain checks untrusted shapes; a shape it did not foresee must still be the client's 400, not our 500. */
function decideOne(command: ScoreCommand, state: ScoreState, index: number | undefined): ScoreEvent[] {
  try {
    return decide(command, state);
  } catch (error) {
    if (isDomainError(error)) {
      if (index === undefined) throw error;
      throw Object.assign(error, { details: { ...error.details, commandIndex: index } });
    }
    throw new ApiError(400, 'MALFORMED_COMMAND', `The ${command.type} command is malformed`, index === undefined ? undefined : { commandIndex: index });
  }
}
