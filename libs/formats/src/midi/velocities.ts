import {
  compareF,
  divF,
  eqF,
  fractionToNumber,
  lteF,
  ltF,
  subF,
  type DynamicValue,
  type Fraction,
  type HairpinKind,
} from '@bandpro/domain';

/** Note-on velocity for each dynamic level (the values MuseScore and most notation programs use). */
const DYNAMIC_VELOCITIES = Object.freeze({ ppp: 16, pp: 33, p: 49, mp: 64, mf: 80, f: 96, ff: 112, fff: 127 });
const DEFAULT_VELOCITY = DYNAMIC_VELOCITIES.mf;
/** sf / sfz accent the notes under them (never softer than the level in force), then the level returns. */
const SFORZANDO_VELOCITY = 112;
const LEVELS = Object.values(DYNAMIC_VELOCITIES);

/** A dynamic placed in score order (whole notes from the start of the score, repeats not unrolled). */
export interface PlacedDynamic {
  at: Fraction;
  value: DynamicValue;
}

export interface PlacedHairpin {
  from: Fraction;
  to: Fraction;
  kind: HairpinKind;
}

/** From `at` on: notes exactly at `at` get `attack`, later ones `sustain` (they differ for sf, sfz and fp). */
interface Step {
  at: Fraction;
  attack: number;
  sustain: number;
}

interface Ramp extends PlacedHairpin {
  startVelocity: number;
  endVelocity: number;
}

/** What changes the level, in the order applied at one position: a dynamic, a hairpin's arrival, a hairpin. */
type Change =
  | { kind: 'dynamic'; at: Fraction; value: DynamicValue }
  | { kind: 'arrival'; at: Fraction; level: number }
  | { kind: 'hairpin'; at: Fraction; hairpin: PlacedHairpin };

const ORDER: Record<Change['kind'], number> = { dynamic: 0, arrival: 1, hairpin: 2 };

function stepFor(value: DynamicValue, at: Fraction, inForce: number): Step {
  switch (value) {
    case 'sf':
    case 'sfz':
      return { at, attack: Math.max(SFORZANDO_VELOCITY, inForce), sustain: inForce };
    case 'fp':
      return { at, attack: DYNAMIC_VELOCITIES.f, sustain: DYNAMIC_VELOCITIES.p };
    default:
      return { at, attack: DYNAMIC_VELOCITIES[value], sustain: DYNAMIC_VELOCITIES[value] };
  }
}

/** The next level up (crescendo) or down (diminuendo) from `level`, staying within ppp..fff. */
function nextLevel(level: number, kind: HairpinKind): number {
  if (kind === 'crescendo') return LEVELS.find((l) => l > level) ?? LEVELS[LEVELS.length - 1];
  return [...LEVELS].reverse().find((l) => l < level) ?? LEVELS[0];
}

const byPosition = (a: Change, b: Change): number => compareF(a.at, b.at) || ORDER[a.kind] - ORDER[b.kind];

function insertSorted(queue: Change[], change: Change): void {
  const index = queue.findIndex((c) => byPosition(c, change) > 0);
  queue.splice(index < 0 ? queue.length : index, 0, change);
}

/** The velocity of a note starting at a score position, for one part. */
export type VelocityMap = (at: Fraction) => number;

/**
 * Dynamics set the level from where they stand. A hairpin ramps from the level in force at its start to the
 * first dynamic after its start, up to its end (a dynamic written inside a hairpin is where it leads), or
 * else to one level further, which then stays in force from the hairpin's end.
 */
export function velocityMap(dynamics: readonly PlacedDynamic[], hairpins: readonly PlacedHairpin[]): VelocityMap {
  const steps: Step[] = [];
  const ramps: Ramp[] = [];
  const queue: Change[] = [
    ...dynamics.map((d): Change => ({ kind: 'dynamic', at: d.at, value: d.value })),
    ...hairpins.map((h): Change => ({ kind: 'hairpin', at: h.from, hairpin: h })),
  ].sort(byPosition);
  let level: number = DEFAULT_VELOCITY;
  for (let change = queue.shift(); change !== undefined; change = queue.shift()) {
    switch (change.kind) {
      case 'dynamic':
      case 'arrival': {
        const step = change.kind === 'dynamic' ? stepFor(change.value, change.at, level) : { at: change.at, attack: change.level, sustain: change.level };
        steps.push(step);
        level = step.sustain;
        break;
      }
      case 'hairpin': {
        const { ramp, arrival } = rampFrom(change.hairpin, level, dynamics);
        ramps.push(ramp);
        if (arrival) insertSorted(queue, arrival);
        break;
      }
      default: {
        const unknown: never = change;
        throw new Error(`Unknown change ${JSON.stringify(unknown)}`);
      }
    }
  }
  return (at) => velocityAt(steps, ramps, at);
}

/**
 * Where a hairpin starting at `level` leads: to a dynamic inside it or at its end, or else one level further,
 * a level that arrives at its end and stays.
 */
function rampFrom(hairpin: PlacedHairpin, level: number, dynamics: readonly PlacedDynamic[]): { ramp: Ramp; arrival: Change | null } {
  const { from, to } = hairpin;
  const target = dynamics.find((d) => ltF(from, d.at) && lteF(d.at, to));
  if (target) {
    const endVelocity = stepFor(target.value, target.at, level).attack;
    return { ramp: { ...hairpin, to: target.at, startVelocity: level, endVelocity }, arrival: null };
  }
  const endVelocity = nextLevel(level, hairpin.kind);
  return { ramp: { ...hairpin, startVelocity: level, endVelocity }, arrival: { kind: 'arrival', at: to, level: endVelocity } };
}

function velocityAt(steps: readonly Step[], ramps: readonly Ramp[], at: Fraction): number {
  const step = lastStepAtOrBefore(steps, at);
  if (step && eqF(step.at, at)) return step.attack;
  const ramp = ramps.filter((r) => lteF(r.from, at) && ltF(at, r.to)).pop();
  if (ramp && (!step || lteF(step.at, ramp.from))) return interpolate(ramp, at);
  return step ? step.sustain : DEFAULT_VELOCITY;
}

function lastStepAtOrBefore(steps: readonly Step[], at: Fraction): Step | undefined {
  let low = 0;
  let high = steps.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lteF(steps[mid].at, at)) low = mid + 1;
    else high = mid;
  }
  return steps[low - 1];
}

function interpolate(ramp: Ramp, at: Fraction): number {
  const progress = fractionToNumber(divF(subF(at, ramp.from), subF(ramp.to, ramp.from)));
  return Math.round(ramp.startVelocity + (ramp.endVelocity - ramp.startVelocity) * progress);
}

