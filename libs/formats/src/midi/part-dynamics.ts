import { addF, compareF, eqF, lteF, type Part } from '@bandpro/domain';
import type { MeasureInfo } from './measure-layout';
import { velocityMap, type PlacedDynamic, type PlacedHairpin, type VelocityMap } from './velocities';

/**
 * The velocity map of one part. Dynamics and hairpins of all its staves act on the whole part (as in MuseScore,
 * a piano's "p" between the staves is meant for both hands); where two staves mark the same spot, the upper
 * staff's mark wins. Positions are in score order, so a repeated passage replays its own dynamics.
 */
export function partVelocities(part: Part, measures: readonly MeasureInfo[]): VelocityMap {
  const indexById = new Map(measures.map((m) => [m.measure.id, m]));
  const dynamics: (PlacedDynamic & { staff: number })[] = [];
  const hairpins: PlacedHairpin[] = [];
  for (const info of measures) {
    info.measure.content[part.id].staves.forEach((staff, s) => {
      for (const d of staff.dynamics) dynamics.push({ at: addF(info.scoreStart, d.offset), value: d.value, staff: s });
      for (const h of staff.hairpins) {
        const endMeasure = indexById.get(h.end.measureId);
        const from = addF(info.scoreStart, h.offset);
        const to = endMeasure && addF(endMeasure.scoreStart, h.end.offset);
        if (to && !lteF(to, from)) hairpins.push({ from, to, kind: h.kind });
      }
    });
  }
  dynamics.sort((a, b) => compareF(a.at, b.at) || a.staff - b.staff);
  const firstAtEachSpot = dynamics.filter((d, k) => k === 0 || !eqF(dynamics[k - 1].at, d.at));
  return velocityMap(firstAtEachSpot, hairpins);
}
