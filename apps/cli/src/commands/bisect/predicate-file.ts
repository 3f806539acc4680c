import type { ScoreState } from '@bandpro/domain';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError } from '../../cli/cli-error';

export type StatePredicate = (state: ScoreState) => unknown;

/** Loads the user's predicate: `module.exports = fn`, `exports.default = fn` or `export default fn` (compiled). */
export function loadPredicate(file: string): StatePredicate {
  const path = resolve(file);
  if (!existsSync(path)) throw new CliError('PREDICATE_NOT_FOUND', `No such file: ${file}`);
  let loaded: unknown;
  try {
    loaded = require(path);
  } catch (error) {
    throw new CliError('PREDICATE_INVALID', `${file} could not be loaded: ${(error as Error).message}`);
  }
  const candidate = typeof loaded === 'function' ? loaded : (loaded as { default?: unknown } | null)?.default;
  if (typeof candidate !== 'function') throw new CliError('PREDICATE_INVALID', `${file} must export a function (state) => boolean`);
  return candidate as StatePredicate;
}

/** Runs the predicate on one state; a throw is the user's bug, reported with the version it met. */
export function holdsAt(predicate: StatePredicate, state: ScoreState, version: number): boolean {
  try {
    return Boolean(predicate(state));
  } catch (error) {
    throw new CliError('PREDICATE_FAILED', `The predicate threw at version ${version}: ${(error as Error).message}`);
  }
}
