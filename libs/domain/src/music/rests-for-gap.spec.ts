import fc from 'fast-check';
import { beatLength, durationToFraction, sumDurations } from './duration';
import { addF, divF, frac, fractionToNumber, lteF, mulF } from './fraction';
import type { Duration, Fraction } from './music.types';
import { restsForGap } from './rests-for-gap';

const musicError = (code: string) => expect.objectContaining({ name: 'MusicError', code });

/** "q. 8 h" notation: w h q 8 16 32 64, a dot per augmentation dot. */
const SHORT: Record<string, Duration['type']> = { w: 'whole', h: 'half', q: 'quarter', '8': 'eighth', '16': '16th', '32': '32nd', '64': '64th' };
function rests(text: string): Duration[] {
  return text.split(' ').filter(Boolean).map((token) => {
    const dots = token.length - token.replace(/\./g, '').length;
    return { type: SHORT[token.replace(/\./g, '')], dots };
  });
}

type Row = [string, [number, number], [number, number], string];
function table(beats: number, beatType: number, rows: Row[]): void {
  describe(`in ${beats}/${beatType}`, () => {
    it.each(rows)('%s: a gap at %j lasting %j is written as "%s"', (_label, [on, od], [ln, ld], expected) => {
      expect(restsForGap(frac(on, od), frac(ln, ld), { beats, beatType })).toEqual(rests(expected));
    });
  });
}

describe('restsForGap', () => {
  table(4, 4, [
    ['beats 2-4', [1, 4], [3, 4], 'q h'],
    ['beats 1-3', [0, 1], [3, 4], 'h q'],
    ['beats 2-3 never hide the half-bar', [1, 4], [1, 2], 'q q'],
    ['second half', [1, 2], [1, 2], 'h'],
    ['off the beat to the end', [1, 8], [7, 8], '8 q h'],
    ['inside one beat', [1, 16], [3, 16], '16 8'],
    ['from the last sixteenth of beat 1', [3, 16], [5, 16], '16 q'],
    ['the whole bar', [0, 1], [1, 1], 'w'],
    ['a single 64th', [63, 64], [1, 64], '64'],
    ['nothing', [1, 4], [0, 1], ''],
  ]);

  table(3, 4, [
    ['beats 1-2 as separate beats', [0, 1], [1, 2], 'q q'],
    ['beats 2-3', [1, 4], [1, 2], 'q q'],
    ['after the first eighth', [1, 8], [5, 8], '8 q q'],
  ]);

  table(2, 2, [
    ['beat 1', [0, 1], [1, 2], 'h'],
    ['the second quarter onwards', [1, 4], [3, 4], 'q h'],
    ['middle quarters', [1, 4], [1, 2], 'q q'],
  ]);

  table(6, 8, [
    ['second beat', [3, 8], [3, 8], 'q.'],
    ['all but the first eighth', [1, 8], [5, 8], '8 8 q.'],
    ['first two eighths of a beat', [0, 1], [1, 4], 'q'],
    ['last two eighths of a beat', [1, 8], [1, 4], '8 8'],
    ['first beat and a half', [0, 1], [1, 2], 'q. 8'],
    ['the whole bar', [0, 1], [3, 4], 'h.'],
    ['a sixteenth off the beat', [1, 16], [5, 16], '16 8 8'],
  ]);

  table(9, 8, [
    ['beats 2-3 stay separate', [3, 8], [3, 4], 'q. q.'],
    ['the whole bar', [0, 1], [9, 8], 'q. q. q.'],
  ]);

  table(12, 8, [
    ['beats 2-4', [3, 8], [9, 8], 'q. h.'],
    ['beats 2-3 never hide the half-bar', [3, 8], [3, 4], 'q. q.'],
    ['second half', [3, 4], [3, 4], 'h.'],
    ['the whole bar', [0, 1], [3, 2], 'w.'],
  ]);

  table(5, 8, [
    ['the whole bar as 3+2', [0, 1], [5, 8], 'q. q'],
    ['the group of two', [3, 8], [1, 4], 'q'],
    ['all but the first eighth', [1, 8], [1, 2], '8 8 q'],
  ]);

  table(7, 8, [
    ['the whole bar as 2+2+3', [0, 1], [7, 8], 'q q q.'],
    ['across the first two groups', [1, 8], [1, 4], '8 8'],
  ]);

  table(10, 8, [['five quarter groups', [0, 1], [5, 4], 'q q q q q']]);
  table(5, 4, [['every beat on its own', [0, 1], [5, 4], 'q q q q q']]);
  table(2, 4, [['the whole bar', [0, 1], [1, 2], 'h']]);
  table(3, 8, [['every eighth on its own', [0, 1], [1, 4], '8 8']]);
  table(2, 1, [['two whole notes', [0, 1], [2, 1], 'w w']]);

  describe('in a pickup measure', () => {
    it('aligns a one-beat pickup of 4/4 with beat 4', () => {
      expect(restsForGap(frac(0), frac(1, 8), { beats: 4, beatType: 4 }, frac(1, 4))).toEqual(rests('8'));
    });

    it('fills a two-and-a-half-beat pickup of 4/4 from its end-aligned position', () => {
      // The pickup covers beat 2's second half to the bar end; its first 1 1/2 beats are silent.
      expect(restsForGap(frac(0), frac(3, 8), { beats: 4, beatType: 4 }, frac(5, 8))).toEqual(rests('8 q'));
    });

    it('does not merge the silent beats of a three-beat 4/4 pickup across the half-bar', () => {
      expect(restsForGap(frac(0), frac(1, 2), { beats: 4, beatType: 4 }, frac(3, 4))).toEqual(rests('q q'));
    });

    it('keeps compound beats whole in a 6/8 pickup', () => {
      expect(restsForGap(frac(0), frac(1, 4), { beats: 6, beatType: 8 }, frac(1, 2))).toEqual(rests('8 8'));
    });

    it('rejects a gap longer than the pickup', () => {
      expect(() => restsForGap(frac(0), frac(1, 2), { beats: 4, beatType: 4 }, frac(1, 4))).toThrow(
        musicError('INVALID_GAP'),
      );
    });
  });

  it.each([
    ['a gap past the bar line', [3, 4], [1, 2]],
    ['a negative offset', [-1, 4], [1, 4]],
    ['a negative length', [1, 4], [-1, 4]],
  ])('rejects %s with INVALID_GAP', (_label, [on, od], [ln, ld]) => {
    expect(() => restsForGap(frac(on, od), frac(ln, ld), { beats: 4, beatType: 4 })).toThrow(musicError('INVALID_GAP'));
  });

  it('rejects a pickup longer than the measure with INVALID_GAP', () => {
    expect(() => restsForGap(frac(0), frac(1, 4), { beats: 2, beatType: 4 }, frac(3, 4))).toThrow(
      musicError('INVALID_GAP'),
    );
  });

  it.each([
    ['a triplet-length gap', [0, 1], [1, 3]],
    ['a gap starting on a triplet', [1, 3], [1, 6]],
    ['a 128th', [0, 1], [1, 128]],
  ])('throws UNEXPRESSIBLE_DURATION for %s', (_label, [on, od], [ln, ld]) => {
    expect(() => restsForGap(frac(on, od), frac(ln, ld), { beats: 4, beatType: 4 })).toThrow(
      musicError('UNEXPRESSIBLE_DURATION'),
    );
  });

  it('rejects an invalid time signature', () => {
    expect(() => restsForGap(frac(0), frac(1, 4), { beats: 4, beatType: 5 })).toThrow(musicError('INVALID_TIME_SIGNATURE'));
  });
});

describe('restsForGap properties', () => {
  const meters = fc.constantFrom(
    { beats: 4, beatType: 4 }, { beats: 3, beatType: 4 }, { beats: 2, beatType: 2 }, { beats: 6, beatType: 8 },
    { beats: 9, beatType: 8 }, { beats: 12, beatType: 8 }, { beats: 5, beatType: 8 }, { beats: 7, beatType: 8 },
    { beats: 3, beatType: 8 }, { beats: 5, beatType: 4 }, { beats: 2, beatType: 4 },
  );
  const gaps = meters.chain((ts) => {
    const slots = (ts.beats * 32) / ts.beatType;
    return fc
      .tuple(fc.integer({ min: 0, max: slots }), fc.integer({ min: 0, max: slots }))
      .map(([a, b]) => ({ ts, offset: frac(Math.min(a, b), 32), length: frac(Math.abs(a - b), 32) }));
  });

  it('fills exactly the gap with plain, at most single-dotted rests', () => {
    fc.assert(
      fc.property(gaps, ({ ts, offset, length }) => {
        const out = restsForGap(offset, length, ts);
        expect(sumDurations(out)).toEqual(length);
        expect(out.every((d) => d.tuplet === undefined && d.dots <= 1)).toBe(true);
      }),
    );
  });

  it('never lets a rest that starts off the beat run past the next beat', () => {
    fc.assert(
      fc.property(gaps, ({ ts, offset, length }) => {
        const beat = beatLength(ts);
        let at: Fraction = offset;
        for (const d of restsForGap(offset, length, ts)) {
          const end = addF(at, durationToFraction(d));
          const beatsIn = divF(at, beat);
          if (beatsIn.den !== 1) {
            const nextBeat = mulF(frac(Math.ceil(fractionToNumber(beatsIn))), beat);
            expect(lteF(end, nextBeat)).toBe(true);
          }
          at = end;
        }
      }),
    );
  });
});
