import type { HarmonyCandidate } from './harmony-candidates';

/*
 * Mild preferences only: together they are worth less than a clear difference in how well a chord fits the
 * melody, so the melody decides and these settle what it leaves open.
 */
const PRIORS: Readonly<Record<string, number>> = {
  I: 0.12, i: 0.12, IV: 0.08, iv: 0.08, V: 0.08, vi: 0.04, VI: 0.04, ii: 0.04, VII: 0.04, III: 0.02, iii: 0,
  'ii°': -0.04, 'vii°': -0.06,
};
const SEVENTH_COST = 0.3;
const DOMINANT_SEVENTH_COST = 0.1;
const SECONDARY_DOMINANT_PRIOR = -0.1;

/** Where each function commonly goes (root motion by falling fifths, and the usual side steps). */
const COMMON: Readonly<Record<string, readonly string[]>> = {
  I: ['IV', 'V', 'vi', 'ii'], ii: ['V', 'vii°'], iii: ['vi', 'IV'], IV: ['V', 'I', 'ii'], V: ['I', 'vi'],
  vi: ['ii', 'IV', 'V'], 'vii°': ['I'],
  i: ['iv', 'V', 'VI', 'ii°', 'VII'], 'ii°': ['V'], III: ['VI', 'iv'], iv: ['V', 'i', 'VII'], VI: ['ii°', 'iv', 'V', 'III'],
  VII: ['III', 'i'],
};
const RETROGRESSIONS: Readonly<Record<string, readonly string[]>> = { V: ['IV', 'ii', 'iv', 'ii°'] };
const COMMON_BONUS = 0.06;
const RETROGRESSION_COST = 0.04;
const RESOLUTION_BONUS = 0.1;

const FIRST_TONIC_BONUS = 0.15;
const LAST_TONIC_BONUS = 0.1;
const CADENCE_BONUS = 0.1;

const isTonic = (c: HarmonyCandidate): boolean => c.fn === 'I' || c.fn === 'i';
const isDominant = (c: HarmonyCandidate): boolean => c.fn === 'V' || c.fn === 'vii°';

/** Where a slot sits in the passage and what changing chord there costs (nothing on a downbeat). */
export interface SlotPlace {
  first: boolean;
  last: boolean;
  changeCost: number;
}

export function chordPrior(c: HarmonyCandidate): number {
  if (c.resolvesTo) return SECONDARY_DOMINANT_PRIOR;
  const seventhCost = c.seventh ? (c.fn === 'V' ? DOMINANT_SEVENTH_COST : SEVENTH_COST) : 0;
  return PRIORS[c.fn] - seventhCost;
}

function motion(prev: HarmonyCandidate, next: HarmonyCandidate): number {
  if (prev.resolvesTo) return next.fn === prev.resolvesTo ? RESOLUTION_BONUS : -RESOLUTION_BONUS;
  if (COMMON[prev.fn]?.includes(next.fn)) return COMMON_BONUS;
  return RETROGRESSIONS[prev.fn]?.includes(next.fn) ? -RETROGRESSION_COST : 0;
}

/** What moving from `prev` (undefined at the start) to `next` at this place adds to a harmonisation. */
export function progressionScore(prev: HarmonyCandidate | undefined, next: HarmonyCandidate, place: SlotPlace): number {
  let score = chordPrior(next);
  if (place.first && isTonic(next)) score += FIRST_TONIC_BONUS;
  if (place.last && isTonic(next)) score += LAST_TONIC_BONUS + (prev && isDominant(prev) ? CADENCE_BONUS : 0);
  // Adding or dropping a seventh (G to G7) keeps the harmony: no motion, nothing to pay for a change.
  if (!prev || prev.fn === next.fn) return score;
  return score + motion(prev, next) - place.changeCost;
}
