import { scoreOf, type ScoreCommand, type Score } from '@bandpro/domain';
import { createScore, run } from '@bandpro/domain/testing';

/** The score that CreateScore (default: one B♭ trumpet, four 4/4 measures in C) and then `commands` make. */
export function scoreAfter(...commands: ScoreCommand[]): Score {
  return scoreWith(createScore(), ...commands);
}

/** The score that `create` and then `commands` make, through decide and evolve. */
export function scoreWith(create: ScoreCommand, ...commands: ScoreCommand[]): Score {
  const { state } = run([create, ...commands]);
  if (state.status !== 'active') throw new Error('the commands did not create a score');
  return scoreOf(state);
}
