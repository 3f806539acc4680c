import { readdirSync } from 'node:fs';
import { parseMidi, writeMidi } from 'midi-file';
import type { Score } from '@bandpro/domain';
import { exportMidi } from '../../src/midi';
import { writeSmf } from '../../src/midi/smf-writer';
import { CORPUS, corpusScore } from '../render/support/scores';

const FILES = readdirSync(CORPUS).filter((f) => /\.(xml|musicxml|mxl)$/i.test(f)).sort();

describe('the Standard MIDI File writer', () => {
  it.each(FILES)('should write %s byte for byte as midi-file writes the same events', (file) => {
    const bytes = exportMidi(corpusScore(file) as Score);

    expect(Buffer.from(writeMidi(parseMidi(bytes)))).toEqual(Buffer.from(bytes));
  });

  it('should refuse an event kind it has no encoding for rather than write a broken file', () => {
    const tracks = [[{ deltaTime: 0, type: 'lyrics', meta: true, text: 'la' } as const]];
    expect(() => writeSmf({ header: { format: 1, numTracks: 1, ticksPerBeat: 480 }, tracks })).toThrow('no encoding for lyrics');
  });

  it('should grow past its first buffer and encode long delta times as variable-length numbers', () => {
    const notes = Array.from({ length: 20_000 }, (_, i) => ({ deltaTime: i % 2 ? 0x0fffffff : 0, type: i % 2 ? 'noteOff' : 'noteOn', channel: 0, noteNumber: 60, velocity: 64 }) as const);
    const data = { header: { format: 1 as const, numTracks: 1, ticksPerBeat: 480 }, tracks: [[...notes, { deltaTime: 0, type: 'endOfTrack' as const, meta: true as const }]] };

    expect(Buffer.from(writeSmf(data))).toEqual(Buffer.from(writeMidi(data)));
  });
});
