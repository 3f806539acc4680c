import { durationToFraction, type Fraction, frac, mulF, type ScoreDocument, type StaffMeasure } from '@bandpro/domain';

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

const lcm = (a: number, b: number) => (a / gcd(a, b)) * b;

function staffFractions(staff: StaffMeasure): Fraction[] {
  const out: Fraction[] = [];
  for (const voice of staff.voices) for (const e of voice) out.push(durationToFraction(e.duration));
  for (const list of [staff.dynamics, staff.hairpins, staff.slurs, staff.texts]) for (const m of list) out.push(m.offset);
  for (const h of [...staff.hairpins, ...staff.slurs]) out.push(h.end.offset);
  return out;
}

/** Divisions per quarter note that write every duration and position of the score as a whole number. */
export function divisionsFor(score: ScoreDocument): number {
  let divisions = 1;
  for (const m of score.measures) {
    const fractions: Fraction[] = m.length ? [m.length] : [];
    for (const pm of Object.values(m.content)) {
      for (const staff of pm.staves) fractions.push(...staffFractions(staff));
      for (const c of pm.chordSymbols) fractions.push(c.offset);
    }
    for (const f of fractions) divisions = lcm(divisions, mulF(f, frac(4)).den);
  }
  return divisions;
}

/** A length in divisions. */
export function toDivisions(f: Fraction, divisions: number): number {
  return (f.num * 4 * divisions) / f.den;
}
