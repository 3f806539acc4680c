import {
  addF,
  type Duration,
  durationToFraction,
  type Fraction,
  frac,
  mulF,
  plainDurationFor,
  restsForGap,
  type Tuplet,
  type VoiceEntry,
  ZERO,
} from '@bandpro/domain';
import type { BuiltVoice, VoiceContext } from './build-voice';
import type { NoteGroup } from './read.types';

/*
 * The model keeps one tuplet ratio per note and asks every run of one ratio to add up to a plain length
 * (TupletMustBeComplete). Nested tuplets, and tuplets a file leaves incomplete, break that. A region that
 * breaks it is rewritten with one common ratio when every note has a value in it (a triplet inside a
 * quintuplet becomes dotted values of 15:8), else replaced by rests and reported.
 */

const isDyadic = (f: Fraction) => (f.den & (f.den - 1)) === 0;
const sameRatio = (a: Tuplet | undefined, b: Tuplet | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.actual * b.normal === b.actual * a.normal);
const lengthOf = (entries: readonly VoiceEntry[]) => entries.reduce((at, e) => addF(at, durationToFraction(e.duration)), ZERO);

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function candidates(region: readonly VoiceEntry[]): Tuplet[] {
  const ratios = region.flatMap((e) => (e.duration.tuplet ? [e.duration.tuplet] : []));
  const products = ratios.flatMap((a) => ratios.map((b) => ({ actual: a.actual * b.actual, normal: a.normal * b.normal })));
  return [...ratios, ...products]
    .map((t) => ({ actual: t.actual / gcd(t.actual, t.normal), normal: t.normal / gcd(t.actual, t.normal) }))
    .filter((t) => t.actual <= 32 && t.normal <= 32 && t.actual !== t.normal);
}

function rewrite(region: readonly VoiceEntry[]): VoiceEntry[] | undefined {
  // Only a region that adds up to a plain length becomes a complete tuplet group.
  if (!isDyadic(lengthOf(region))) return undefined;
  for (const ratio of candidates(region)) {
    const durations = region.map((e) => plainDurationFor(mulF(durationToFraction(e.duration), frac(ratio.actual, ratio.normal))));
    if (durations.every((d) => d !== undefined)) {
      return region.map((e, i) => ({ ...e, duration: { ...(durations[i] as Duration), tuplet: { ...ratio } } }));
    }
  }
  return undefined;
}

/** The end (exclusive) of the region that starts with the incomplete run at `start`. */
function regionEnd(entries: readonly VoiceEntry[], start: number): number {
  let at: Fraction = ZERO;
  for (let i = start; i < entries.length; i++) {
    at = addF(at, durationToFraction(entries[i].duration));
    const nextSame = i + 1 < entries.length && sameRatio(entries[i + 1].duration.tuplet, entries[i].duration.tuplet);
    if (isDyadic(at) && !nextSame) return i + 1;
  }
  return entries.length;
}

/** Index of the first entry of an incomplete tuplet run, or -1. */
function firstIncomplete(entries: readonly VoiceEntry[]): number {
  let i = 0;
  while (i < entries.length) {
    const ratio = entries[i].duration.tuplet;
    let j = i;
    while (j < entries.length && sameRatio(entries[j].duration.tuplet, ratio)) j++;
    if (ratio && !isDyadic(lengthOf(entries.slice(i, j)))) return i;
    i = j;
  }
  return -1;
}

function restsFor(offset: Fraction, region: readonly VoiceEntry[], ctx: VoiceContext): VoiceEntry[] | undefined {
  try {
    const pickup = ctx.pickup && ctx.frame.irregular ? ctx.frame.irregular : undefined;
    return restsForGap(offset, lengthOf(region), ctx.frame.ts, pickup).map((duration) => ({ kind: 'rest', id: '', duration }));
  } catch {
    return undefined;
  }
}

function dropOwners(owners: readonly (NoteGroup | undefined)[], placed: Map<NoteGroup, Fraction>, ctx: VoiceContext): void {
  for (const owner of new Set(owners)) {
    if (owner === undefined) continue;
    placed.delete(owner);
    ctx.skip(owner.rest ? 'rest' : 'note', 'it is in a nested or incomplete tuplet the score model cannot hold');
  }
}

export function repairTuplets(voice: BuiltVoice, ctx: VoiceContext): BuiltVoice {
  let { entries, owners } = voice;
  const placed = new Map(voice.placed);
  let start = firstIncomplete(entries);
  // Each round fixes a region for good; the bound only guards against a case not thought of.
  for (let round = 0; start >= 0; round++) {
    const end = round > entries.length ? entries.length : regionEnd(entries, start);
    const region = entries.slice(start, end);
    const rewritten = round > entries.length ? undefined : rewrite(region);
    if (rewritten) {
      ctx.warn('Nested tuplets were rewritten with one common tuplet ratio.');
      entries = [...entries.slice(0, start), ...rewritten, ...entries.slice(end)];
      start = firstIncomplete(entries);
      continue;
    }
    // Rests keep what follows in place; where none fit, the voice ends early (the model reads the rest as rest).
    const rests = end < entries.length ? restsFor(lengthOf(entries.slice(0, start)), region, ctx) : undefined;
    const cut = rests ? end : entries.length;
    dropOwners(owners.slice(start, cut), placed, ctx);
    entries = [...entries.slice(0, start), ...(rests ?? []), ...entries.slice(cut)];
    owners = [...owners.slice(0, start), ...(rests ?? []).map(() => undefined), ...owners.slice(cut)];
    start = firstIncomplete(entries);
  }
  return { entries, owners, placed };
}
