import { addF, frac } from '../../music/fraction';
import type { Fraction, Pitch } from '../../music/music.types';
import { parsePitch } from '../../music/pitch';

export interface TuneNote {
  pitch: Pitch;
  offset: Fraction;
  duration: Fraction;
  bar: number;
}

const LENGTHS: Readonly<Record<string, Fraction>> = {
  w: frac(1), h: frac(1, 2), q: frac(1, 4), e: frac(1, 8), s: frac(1, 16),
  'h.': frac(3, 4), 'q.': frac(3, 8), 'e.': frac(3, 16),
};

function length(code: string): Fraction {
  const value = LENGTHS[code];
  if (!value) throw new Error(`Unknown length "${code}" in a test tune`);
  return value;
}

/**
 * Writes a tune the way a musician hums it: "E4 E4 F4 G4 | G4:h r:h" (quarters unless a length follows the
 * colon: w h q e s, dotted with a "."; r is a rest). Bars are numbered from `firstBar`.
 */
export function tune(text: string, firstBar = 1): TuneNote[] {
  return text.split('|').flatMap((bar, index) => {
    let offset = frac(0);
    return bar.trim().split(/\s+/).filter(Boolean).flatMap((token) => {
      const [name, code = 'q'] = token.split(':');
      const duration = length(code);
      const start = offset;
      offset = addF(offset, duration);
      return name === 'r' ? [] : [{ pitch: parsePitch(name), offset: start, duration, bar: firstBar + index }];
    });
  });
}

export const TWINKLE_IN_C =
  'C4 C4 G4 G4 | A4 A4 G4:h | F4 F4 E4 E4 | D4 D4 C4:h | G4 G4 F4 F4 | E4 E4 D4:h | G4 G4 F4 F4 | E4 E4 D4:h |' +
  'C4 C4 G4 G4 | A4 A4 G4:h | F4 F4 E4 E4 | D4 D4 C4:h';

/** In 4/4; the first phrase ends on the dominant, the second on the tonic. */
export const ODE_TO_JOY_IN_C =
  'E4 E4 F4 G4 | G4 F4 E4 D4 | C4 C4 D4 E4 | E4:q. D4:e D4:h | E4 E4 F4 G4 | G4 F4 E4 D4 | C4 C4 D4 E4 | D4:q. C4:e C4:h';

/** The opening of Greensleeves in 3/4, with its quarter-note pickup as bar 0. */
export const GREENSLEEVES_IN_A_MINOR =
  'r:h A4 | C5:h D5 | E5:q. F5:e E5 | D5:h B4 | G4:q. A4:e B4 | C5:h A4 | A4:q. G#4:e A4 | B4:h G#4 | E4:h A4 |' +
  'C5:h D5 | E5:q. F5:e E5 | D5:h B4 | G4:q. A4:e B4 | C5:q. B4:e A4 | G#4:q. F#4:e G#4 | A4:h.';

export const CHROMATIC_SCALE = 'C4 C#4 D4 D#4 | E4 F4 F#4 G4 | G#4 A4 A#4 B4';
