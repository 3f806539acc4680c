import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { toFigure, type Figure } from './figure';
import { progress } from './progress';
import type { Section, Suite, SuiteContext } from './suite';

export const RESULTS_DIR = join(__dirname, '..', 'results');

export interface SuiteOutcome {
  figures: Figure[];
  failedSections: string[];
}

export interface RunSuiteOptions {
  runs: number;
  /** Only these sections (by name); the results file is then left alone, as it would be partial. */
  only?: readonly string[];
}

/** Runs a suite's sections one after another; each figure is printed on stdout as soon as it exists. */
export async function runSuite(suite: Suite, options: RunSuiteOptions): Promise<SuiteOutcome> {
  const figures: Figure[] = [];
  const failedSections: string[] = [];
  const machine = sectionContext(suite, { name: 'machine', run: async () => undefined }, options.runs, figures);
  // Other processes share the cores: the load around the run says how much to trust its figures.
  machine.report({ name: 'machine.load_avg_1m.start', value: loadavg()[0], unit: 'load' });
  for (const section of selectSections(suite, options.only)) {
    const context = sectionContext(suite, section, options.runs, figures);
    context.progress('start');
    try {
      await section.run(context);
      context.progress('done');
    } catch (error) {
      failedSections.push(section.name);
      progress(`${suite.name}/${section.name}`, `FAILED: ${(error as Error).stack ?? String(error)}`);
    }
  }
  machine.report({ name: 'machine.load_avg_1m.end', value: loadavg()[0], unit: 'load' });
  if (!options.only) writeResults(suite.name, figures);
  return { figures, failedSections };
}

function selectSections(suite: Suite, only: readonly string[] | undefined): readonly Section[] {
  if (!only) return suite.sections;
  const unknown = only.filter((name) => !suite.sections.some((section) => section.name === name));
  if (unknown.length > 0) {
    const known = suite.sections.map((section) => section.name).join(', ');
    throw new TypeError(`Suite ${suite.name} has no section ${unknown.join(', ')} (known: ${known})`);
  }
  return suite.sections.filter((section) => only.includes(section.name));
}

function sectionContext(suite: Suite, section: Section, runs: number, figures: Figure[]): SuiteContext {
  const scope = `${suite.name}/${section.name}`;
  return {
    runs,
    progress: (message) => progress(scope, message),
    report: (measured) => {
      const figure = toFigure(suite.name, measured);
      figures.push(figure);
      process.stdout.write(`${JSON.stringify(figure)}\n`);
    },
  };
}

/** Written through a .tmp file and a rename, so an interrupted run never leaves half a JSON file. */
function writeResults(suiteName: string, figures: readonly Figure[]): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${suiteName}.json`);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(figures, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  progress(suiteName, `wrote ${file}`);
}
