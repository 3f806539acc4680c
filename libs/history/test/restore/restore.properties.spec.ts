import fc from 'fast-check';
import { clefAt, keySignatureAt, timeSignatureAt, type ActiveScoreState, type Measure, type PartMeasure } from '@bandpro/domain';
import { arbitraryScoreHistory } from '@bandpro/domain/testing';
import { Timeline } from '../undo/timeline';
import { measure, restoreTo, stateAt } from './restore.helpers';

/** A random history by two people and a version N at which the score exists. */
const histories = fc.tuple(arbitraryScoreHistory({ maxCommands: 25 }), fc.nat(), fc.nat(), fc.nat()).map(([generated, a, b, c]) => {
  const t = new Timeline();
  generated.commands.forEach((command, i) => t.edit(['ann', 'bob'][i % 2], command));
  const n = 1 + (a % t.version);
  return { t, n, b, c };
});

const attributesOf = ({ content: _content, ...attributes }: Measure) => attributes;
/** Signatures are compared as in force: a continuation may become an explicit copy of the same signature. */
const ownAttributesOf = ({ content: _content, timeSignature: _time, keySignature: _key, ...attributes }: Measure) => attributes;
const signaturesAt = (s: ActiveScoreState, id: string) => [timeSignatureAt(s, s.measureIndex[id]), keySignatureAt(s, s.measureIndex[id])];
/** Clefs carry on like signatures: compared as in force, the rest of the content as it is. */
const withoutClefs = (pm: PartMeasure | undefined) => pm && { ...pm, staves: pm.staves.map((st) => ({ ...st, clef: null })) };
const clefsAt = (s: ActiveScoreState, id: string, partId: string) => {
  const part = s.parts.find((p) => p.id === partId);
  return part && Array.from({ length: part.staves }, (_, i) => clefAt(s, part, i + 1, s.measureIndex[id]));
};

describe('planRestore properties', () => {
  it('should give the part as it was at N, and leave other parts and the measures as they are now', () => {
    fc.assert(
      fc.property(histories, ({ t, n, b }) => {
        const target = stateAt(t, n) as ActiveScoreState;
        const partId = target.parts[b % target.parts.length].id;

        const { after, before, skipped } = restoreTo(t, n, { kind: 'part', partId });

        const notRestored = new Set(skipped.map((s) => s.measureId));
        const samePart = before.parts.some((p) => p.id === partId && p.staves === target.parts.find((q) => q.id === partId)?.staves);
        expect(after.parts.find((p) => p.id === partId)).toStrictEqual(target.parts.find((p) => p.id === partId));
        for (const m of after.measures) {
          const old = target.measureIndex[m.id];
          if (old !== undefined && !notRestored.has(m.id)) {
            expect(withoutClefs(m.content[partId])).toStrictEqual(withoutClefs(target.measures[old].content[partId]));
            expect(clefsAt(after, m.id, partId)).toStrictEqual(clefsAt(target, m.id, partId));
          }
          // A measure added since keeps the clef in force now, unless the part itself was replaced.
          if (old === undefined && samePart) expect(clefsAt(after, m.id, partId)).toStrictEqual(clefsAt(before, m.id, partId));
          const now = before.measures[before.measureIndex[m.id]];
          expect(attributesOf(m)).toStrictEqual(attributesOf(now));
          for (const other of before.parts.filter((p) => p.id !== partId)) expect(m.content[other.id]).toBe(now.content[other.id]);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('should give the bars in range as they were at N, and leave what is outside as it is now', () => {
    fc.assert(
      fc.property(histories, ({ t, n, b, c }) => {
        const target = stateAt(t, n) as ActiveScoreState;
        const [from, to] = [target.measures[b % target.measures.length], target.measures[c % target.measures.length]];
        const range = new Set(target.measures.slice(Math.min(b, c) % target.measures.length).map((m) => m.id));

        const { after, before, skipped } = restoreTo(t, n, { kind: 'bars', fromMeasureId: from.id, toMeasureId: to.id });

        const lo = Math.min(target.measureIndex[from.id], target.measureIndex[to.id]);
        const hi = Math.max(target.measureIndex[from.id], target.measureIndex[to.id]);
        const inRange = new Set(target.measures.slice(lo, hi + 1).map((m) => m.id));
        expect(range.size).toBeGreaterThan(0);
        after.measures.forEach((m) => {
          const now = measure(before, m.id);
          if (!inRange.has(m.id)) {
            for (const part of after.parts) {
              expect(withoutClefs(m.content[part.id])).toStrictEqual(withoutClefs(now.content[part.id]));
              expect(clefsAt(after, m.id, part.id)).toStrictEqual(clefsAt(before, m.id, part.id));
            }
            expect(ownAttributesOf(m)).toStrictEqual(ownAttributesOf(now));
            expect(signaturesAt(after, m.id)).toStrictEqual(signaturesAt(before, m.id));
            return;
          }
          const then = measure(target, m.id);
          expect(ownAttributesOf(m)).toStrictEqual(ownAttributesOf(then));
          expect(signaturesAt(after, m.id)).toStrictEqual(signaturesAt(target, m.id));
          for (const part of after.parts) {
            const kept = !skipped.some((s) => s.measureId === m.id && s.partId === part.id);
            if (then.content[part.id] === undefined || !kept) continue;
            expect(withoutClefs(m.content[part.id])).toStrictEqual(withoutClefs(then.content[part.id]));
            expect(clefsAt(after, m.id, part.id)).toStrictEqual(clefsAt(target, m.id, part.id));
          }
        });
      }),
      { numRuns: 80 },
    );
  });
});
