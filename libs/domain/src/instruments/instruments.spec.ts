import fc from 'fast-check';
import type { Alter, Pitch, Step } from '../music/music.types';
import { formatPitch, isValidPitch, parsePitch, pitchToMidi } from '../music/pitch';
import { BAND_INSTRUMENTS } from './band-instruments';
import type { InstrumentDefinition } from './instrument.types';
import {
  getInstrument, isInPlayableRange, isKnownSoundId, listInstruments, soundingPitch, writtenPitch,
} from './instruments';

const inst = (id: string): InstrumentDefinition => {
  const found = getInstrument(id);
  if (!found) throw new Error(`no instrument ${id}`);
  return found;
};
const sounding = (written: string, id: string): string => formatPitch(soundingPitch(parsePitch(written), inst(id)), 'ascii');
const written = (sound: string, id: string): string => formatPitch(writtenPitch(parsePitch(sound), inst(id)), 'ascii');

describe('the band instrument catalogue', () => {
  it('lists the common band, orchestra and rhythm-section instruments under unique kebab-case ids', () => {
    const ids = listInstruments().map((i) => i.id);
    expect(ids.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ids).size).toBe(ids.length);
    ids.forEach((id) => expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/));
    for (const id of [
      'piccolo', 'flute', 'oboe', 'english-horn', 'bassoon', 'clarinet-bb', 'clarinet-eb', 'clarinet-a',
      'bass-clarinet', 'soprano-sax', 'alto-sax', 'tenor-sax', 'baritone-sax', 'horn-f', 'trumpet-bb', 'trumpet-c',
      'cornet-bb', 'flugelhorn', 'trombone', 'bass-trombone', 'euphonium', 'tuba', 'violin', 'viola', 'cello',
      'double-bass', 'piano', 'organ', 'acoustic-guitar', 'electric-guitar', 'bass-guitar', 'drum-set', 'timpani',
      'glockenspiel', 'xylophone', 'vibraphone', 'marimba', 'soprano', 'alto', 'tenor', 'bass', 'synthesizer',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it.each(BAND_INSTRUMENTS.map((i) => [i.id, i] as const))('describes %s consistently', (_id, i) => {
    expect(isKnownSoundId(i.soundId)).toBe(true);
    expect(Number.isInteger(i.midiProgram) && i.midiProgram >= 1 && i.midiProgram <= 128).toBe(true);
    expect(i.clefs).toHaveLength(i.staves);
    expect(i.name.length).toBeGreaterThan(0);
    expect(i.abbreviation.length).toBeGreaterThan(0);
    expect(isValidPitch(i.range.lowest) && isValidPitch(i.range.highest)).toBe(true);
    expect(pitchToMidi(i.range.lowest)).toBeLessThan(pitchToMidi(i.range.highest));
    // The written range must be spellable too, or writtenPitch would throw at the extremes.
    expect(isValidPitch(writtenPitch(i.range.lowest, i))).toBe(true);
    expect(isValidPitch(writtenPitch(i.range.highest, i))).toBe(true);
  });

  it.each([
    ['trumpet-bb', { diatonic: -1, chromatic: -2 }],
    ['alto-sax', { diatonic: -5, chromatic: -9 }],
    ['horn-f', { diatonic: -4, chromatic: -7 }],
    ['acoustic-guitar', { diatonic: -7, chromatic: -12 }],
    ['tenor-sax', { diatonic: -8, chromatic: -14 }],
    ['baritone-sax', { diatonic: -12, chromatic: -21 }],
    ['clarinet-eb', { diatonic: 2, chromatic: 3 }],
    ['piccolo', { diatonic: 7, chromatic: 12 }],
    ['glockenspiel', { diatonic: 14, chromatic: 24 }],
    ['flute', { diatonic: 0, chromatic: 0 }],
  ])('transposes %s from written to sounding by %j', (id, interval) => {
    expect(inst(id).transposition).toEqual(interval);
  });

  it('puts piano, organ and marimba on two staves with treble over bass', () => {
    for (const id of ['piano', 'organ', 'marimba']) {
      expect(inst(id).staves).toBe(2);
      expect(inst(id).clefs).toEqual([{ sign: 'G', line: 2 }, { sign: 'F', line: 4 }]);
    }
  });

  it('writes guitars and the tenor voice in the octave-down treble clef and the drum set in the percussion clef', () => {
    expect(inst('electric-guitar').clefs).toEqual([{ sign: 'G', line: 2, octaveChange: -1 }]);
    expect(inst('tenor').clefs).toEqual([{ sign: 'G', line: 2, octaveChange: -1 }]);
    expect(inst('viola').clefs).toEqual([{ sign: 'C', line: 3 }]);
    expect(inst('drum-set')).toMatchObject({ clefs: [{ sign: 'percussion', line: 2 }], percussion: true });
    expect(inst('timpani').percussion).toBeUndefined();
  });

  it('returns undefined for an unknown instrument', () => {
    expect(getInstrument('kazoo-in-q')).toBeUndefined();
  });

  it('knows the MusicXML sound ids and nothing else', () => {
    expect(isKnownSoundId('brass.trumpet.bflat')).toBe(true);
    expect(isKnownSoundId('brass.trumpet.q')).toBe(false);
  });
});

describe('written and sounding pitch', () => {
  it.each([
    ['D5', 'trumpet-bb', 'C5'],
    ['A4', 'alto-sax', 'C4'],
    ['G4', 'horn-f', 'C4'],
    ['E4', 'acoustic-guitar', 'E3'],
    ['D4', 'clarinet-bb', 'C4'],
    ['F#4', 'clarinet-bb', 'E4'],
    ['C5', 'clarinet-eb', 'Eb5'],
    ['C5', 'glockenspiel', 'C7'],
    ['D4', 'tenor-sax', 'C3'],
    ['C4', 'flute', 'C4'],
  ])('sounds written %s on %s as %s', (w, id, s) => {
    expect(sounding(w, id)).toBe(s);
    expect(written(s, id)).toBe(w);
  });

  it('spells the written part in the transposed key (concert Eb for B♭ instruments is written F)', () => {
    expect(written('Eb4', 'trumpet-bb')).toBe('F4');
    expect(written('Bb3', 'alto-sax')).toBe('G4');
    expect(written('Ab4', 'horn-f')).toBe('Eb5');
  });

  it('comes back to the written note after sounding it, on every instrument', () => {
    const pitch = fc
      .record({
        step: fc.constantFrom<Step>('C', 'D', 'E', 'F', 'G', 'A', 'B'),
        alter: fc.constantFrom<Alter>(-1, 0, 1),
        octave: fc.integer({ min: 2, max: 6 }),
      })
      .filter(isValidPitch);
    fc.assert(
      fc.property(pitch, fc.constantFrom(...BAND_INSTRUMENTS), (p: Pitch, i) => {
        const s = soundingPitch(p, i);
        expect(pitchToMidi(s) - pitchToMidi(p)).toBe(i.transposition.chromatic);
        expect(writtenPitch(s, i)).toEqual(p);
      }),
    );
  });
});

describe('isInPlayableRange', () => {
  it.each([
    ['E3', 'trumpet-bb', true],
    ['Eb3', 'trumpet-bb', false],
    ['C6', 'trumpet-bb', true],
    ['C#6', 'trumpet-bb', false],
    ['Fb3', 'trumpet-bb', true],
    ['A0', 'piano', true],
    ['C8', 'piano', true],
    ['B#7', 'piano', true],
    ['C#8', 'piano', false],
    ['E1', 'bass-guitar', true],
    ['D#1', 'bass-guitar', false],
  ])('judges sounding %s playable on %s: %p', (pitch, id, playable) => {
    expect(isInPlayableRange(parsePitch(pitch), inst(id))).toBe(playable);
  });

  it('compares by sound, so enharmonic spellings agree', () => {
    expect(isInPlayableRange(parsePitch('D#3'), inst('alto-sax'))).toBe(
      isInPlayableRange(parsePitch('Eb3'), inst('alto-sax')),
    );
  });
});
