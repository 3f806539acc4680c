import type { CommandMetadata, ScoreCommand } from '../score';
import type { Duration, Fraction, Pitch, Step, Alter } from '../music/music.types';
import { M, OWNER_ID, PART_1, SCORE_ID } from './ids';

export const AT = '2025-01-02T03:04:05.000Z';

export function metadata(overrides: Partial<CommandMetadata> = {}): CommandMetadata {
  return { actor: { id: OWNER_ID, kind: 'user' }, at: AT, ...overrides };
}

type Data<T extends ScoreCommand['type']> = Extract<ScoreCommand, { type: T }>['data'];

/** Any command with test metadata: cmd('SetTempo', {...}). */
export function cmd<T extends ScoreCommand['type']>(type: T, data: Data<T>, meta: Partial<CommandMetadata> = {}): Extract<ScoreCommand, { type: T }> {
  return { type, data, metadata: metadata(meta) } as Extract<ScoreCommand, { type: T }>;
}

/** A score with one trumpet part and four 4/4 measures in C major, unless overridden. */
export function createScore(data: Partial<Data<'CreateScore'>> = {}): Extract<ScoreCommand, { type: 'CreateScore' }> {
  return cmd('CreateScore', {
    scoreId: SCORE_ID,
    title: 'Test score',
    composer: 'Tester',
    parts: [{ partId: PART_1, instrumentId: 'trumpet-bb' }],
    measureIds: M.slice(0, 4),
    ...data,
  });
}

export const pitch = (step: Step, octave = 4, alter: Alter = 0): Pitch => ({ step, alter, octave });
export const f = (num: number, den = 1): Fraction => ({ num, den });
export const quarter: Duration = { type: 'quarter', dots: 0 };
export const half: Duration = { type: 'half', dots: 0 };
export const eighth: Duration = { type: 'eighth', dots: 0 };
export const whole: Duration = { type: 'whole', dots: 0 };
export const triplet = (type: Duration['type']): Duration => ({ type, dots: 0, tuplet: { actual: 3, normal: 2 } });

/** The id tests give the k-th note (1-based) of an entry: the entry's id under another namespace. */
export function noteIdFor(entryId: string, k = 1): string {
  return `000e${k.toString(16).padStart(4, '0')}${entryId.slice(8)}`;
}

/** WriteNote in part 1, staff 1, voice 1 of measure M[0] unless overridden; `pitches` [] writes a rest. */
export function writeNote(
  entryId: string,
  offset: Fraction,
  duration: Duration,
  pitches: Pitch[] = [pitch('C')],
  where: Partial<Data<'WriteNote'>> = {},
  noteIds: string[] = pitches.map((_, i) => noteIdFor(entryId, i + 1)),
): Extract<ScoreCommand, { type: 'WriteNote' }> {
  return cmd('WriteNote', {
    partId: PART_1,
    staff: 1,
    measureId: M[0],
    voice: 1,
    offset,
    entryId,
    duration,
    notes: pitches.map((p, i) => ({ id: noteIds[i], pitch: p })),
    ...where,
  });
}
