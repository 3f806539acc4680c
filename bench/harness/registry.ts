import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Suite } from './suite';

const SUITES_DIR = join(__dirname, '..', 'suites');
const SUITE_FILE = /^([a-z][a-z0-9-]*)\.suite\.(ts|js)$/;

/** Suite names found in bench/suites, without loading them (loading pulls in their dependencies). */
export function suiteNames(): string[] {
  return readdirSync(SUITES_DIR)
    .map((file) => SUITE_FILE.exec(file)?.[1])
    .filter((name): name is string => name !== undefined)
    .sort();
}

export class UnknownSuiteError extends Error {
  readonly code = 'UNKNOWN_SUITE';
  constructor(name: string, known: readonly string[]) {
    super(`No suite "${name}" in bench/suites (known: ${known.join(', ') || 'none'})`);
    this.name = 'UnknownSuiteError';
  }
}

/** Loads bench/suites/<name>.suite.ts and checks it exports a suite of that name. */
export function loadSuite(name: string): Suite {
  const known = suiteNames();
  if (!known.includes(name)) throw new UnknownSuiteError(name, known);
  // Loaded on demand so `bench api` never pays for (or breaks on) the store suite's imports.
  const loaded = require(join(SUITES_DIR, `${name}.suite`)) as { suite?: Suite };
  if (loaded.suite?.name !== name) {
    throw new TypeError(`bench/suites/${name}.suite.ts must export \`suite\` named "${name}"`);
  }
  return loaded.suite;
}
