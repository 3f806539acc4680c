import { type Interval, isValidPitch, mod, type Pitch, pitchToMidi, stepIndex, STEPS } from '@bandpro/domain';

/**
 * Moves a pitch by a spelt interval like the domain's transposePitch, but lets the accidental grow past a
 * double sharp or flat: a written part may need one (E𝄪 concert is F♯𝄪 for a B♭ trumpet), and MusicXML's
 * <alter> can say so. The result is a plain object, checked by the caller.
 */
export function transposeSpelling(p: Pitch, i: Interval): { step: Pitch['step']; alter: number; octave: number } {
  const index = p.octave * 7 + stepIndex(p.step) + i.diatonic;
  const natural: Pitch = { step: STEPS[mod(index, 7)], alter: 0, octave: Math.floor(index / 7) };
  return { ...natural, alter: pitchToMidi(p) + i.chromatic - pitchToMidi(natural) };
}

/** The pitch if the model can hold it (at most a double accidental, inside MIDI 0-127). */
export function asModelPitch(p: { step: Pitch['step']; alter: number; octave: number }): Pitch | undefined {
  const pitch = p as Pitch;
  return isValidPitch(pitch) ? { step: pitch.step, alter: (pitch.alter + 0) as Pitch['alter'], octave: pitch.octave } : undefined;
}
