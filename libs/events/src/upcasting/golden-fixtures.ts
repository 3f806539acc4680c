import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { StoredEvent } from '../envelope';
import { UpcasterChain, type Upcaster } from './upcaster-chain';

/**
 * Golden fixtures (contract G8): one JSON file per old (and the current) schema version of an
 * event type, named `<type>.v<N>.json` or `<type>.v<N>.<label>.json`:
 *
 *   { "description": "…",
 *     "stored": { "type": "MemberJoined", "schemaVersion": 1, "data": { … } },
 *     "today": { … } }
 *
 * `stored` is an event exactly as a writer of that version stored it: it is frozen, because
 * events like it sit in production stores forever. `today` (optional) is the data it must upcast
 * to with today's code.
 *
 * How a new schema version gets its golden file, when event type T goes from vN to vN+1:
 *   1. `T.vN.json` already exists (step 3 of the previous change, or v1 when T was created);
 *      never edit its `stored` part.
 *   2. Write the upcaster T vN → vN+1 and change T's type; update `today` in T's older files
 *      where the new shape changes what they upcast to (a reviewed diff, not a regeneration).
 *   3. Add `T.v(N+1).json` holding an event of the new shape, so it is golden for vN+2.
 * `checkGoldenFixtures` fails while any version 1…current of a known type has no file.
 */
export interface GoldenFixture {
  description?: string;
  stored: { type: string; schemaVersion: number; data: unknown };
  today?: unknown;
}

/** An event in today's shape, as `validate` receives it. */
export interface UpcastFixture {
  type: string;
  schemaVersion: number;
  data: unknown;
}

export interface GoldenFixtureReport {
  checked: { file: string; type: string; from: number; to: number }[];
  /** Empty when every fixture upcasts to a valid event of today's version. */
  problems: string[];
}

export interface GoldenFixtureOptions {
  /** Types that must have a fixture of today's version even without upcasters (e.g. every domain event type). */
  types?: readonly string[];
}

const FILE_NAME = /^(?<type>[^.]+)\.v(?<version>\d+)(\.[^.]+)?\.json$/;

/**
 * Reads every golden file in `dir`, upcasts it with today's chain and hands it to `validate`,
 * which throws when the event is not a valid event of today's shape. Returns all problems at
 * once, so one run lists every broken fixture.
 */
export function checkGoldenFixtures(
  dir: string,
  upcasters: UpcasterChain | readonly Upcaster[],
  validate: (event: UpcastFixture) => void,
  options: GoldenFixtureOptions = {},
): GoldenFixtureReport {
  const chain = upcasters instanceof UpcasterChain ? upcasters : new UpcasterChain(upcasters);
  const report: GoldenFixtureReport = { checked: [], problems: [] };
  const present = new Set<string>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
    const fixture = readFixture(dir, file, report.problems);
    if (!fixture) continue;
    present.add(`${fixture.stored.type}@${fixture.stored.schemaVersion}`);
    const upcast = checkFixture(file, fixture, chain, validate, report.problems);
    if (upcast) report.checked.push({ file, type: upcast.type, from: fixture.stored.schemaVersion, to: upcast.schemaVersion });
  }
  report.problems.push(...missingVersions(chain, present, options.types ?? []));
  return report;
}

function readFixture(dir: string, file: string, problems: string[]): GoldenFixture | undefined {
  const name = FILE_NAME.exec(file)?.groups;
  if (!name) return reject(problems, `${file}: name is not <type>.v<N>[.<label>].json`);
  let fixture: GoldenFixture;
  try {
    fixture = JSON.parse(readFileSync(join(dir, file), 'utf8')) as GoldenFixture;
  } catch (error) {
    return reject(problems, `${file}: not JSON (${(error as Error).message})`);
  }
  const stored = fixture?.stored;
  if (typeof stored?.type !== 'string' || !Number.isInteger(stored.schemaVersion) || !('data' in stored)) {
    return reject(problems, `${file}: needs "stored": { "type", "schemaVersion", "data" }`);
  }
  if (stored.type !== name['type'] || stored.schemaVersion !== Number(name['version'])) {
    return reject(problems, `${file}: holds ${stored.type} v${stored.schemaVersion}, which its name contradicts`);
  }
  return fixture;
}

function checkFixture(
  file: string,
  fixture: GoldenFixture,
  chain: UpcasterChain,
  validate: (event: UpcastFixture) => void,
  problems: string[],
): UpcastFixture | undefined {
  let upcast: UpcastFixture;
  try {
    // Upcasters must be pure: the same input twice gives the same output and stays untouched.
    const input = asStoredEvent(file, fixture);
    upcast = chain.upcast(input);
    const again = chain.upcast(asStoredEvent(file, fixture));
    if (!isDeepStrictEqual(input.data, fixture.stored.data)) problems.push(`${file}: an upcaster mutated its input`);
    if (!isDeepStrictEqual(again.data, upcast.data)) problems.push(`${file}: upcasting twice gave different data`);
    validate(upcast);
  } catch (error) {
    return reject(problems, `${file}: ${(error as Error).message}`);
  }
  if ('today' in fixture && !isDeepStrictEqual(upcast.data, fixture.today)) {
    problems.push(`${file}: upcast to ${JSON.stringify(upcast.data)}, expected ${JSON.stringify(fixture.today)}`);
  }
  return upcast;
}

function reject(problems: string[], problem: string): undefined {
  problems.push(problem);
  return undefined;
}

function asStoredEvent(file: string, { stored }: GoldenFixture): StoredEvent {
  return {
    ...stored,
    data: JSON.parse(JSON.stringify(stored.data)),
    eventId: file, streamId: 'golden', version: 1, position: 1,
    metadata: { commandId: file, correlationId: file, causationId: file, actor: { id: 'golden', kind: 'system' }, recordedAt: '' },
  };
}

function missingVersions(chain: UpcasterChain, present: Set<string>, types: readonly string[]): string[] {
  const missing: string[] = [];
  for (const type of new Set([...chain.types(), ...types])) {
    for (let version = 1; version <= chain.currentVersion(type); version++) {
      if (!present.has(`${type}@${version}`)) missing.push(`no golden fixture for ${type} v${version}`);
    }
  }
  return missing;
}
