import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Score } from '@bandpro/domain';
import { exportMidi } from '../src/midi';
import { renderPdf } from '../src/render';
import { expectedNotes } from './midi/support/expected';
import { readBack, type ReadNote } from './midi/support/read-back';
import { CORPUS, corpusScore } from './render/support/scores';

/*
 * The "done when" for every file of the shared corpus, beyond the MusicXML round trip
 * (musicxml/corpus.spec.ts): a MIDI file that an independent parser reads back note for note, and a PDF.
 */

const FILES = readdirSync(CORPUS).filter((f) => /\.(xml|musicxml|mxl)$/i.test(f)).sort();
const run = promisify(execFile);

const hasRepeats = (score: Score) => score.measures.some((m) => m.startBarline === 'repeat-start' || m.endBarline === 'repeat-end' || m.volta !== null);
/** Every (pitch, onset) once: where two voices sound one pitch together, MIDI holds one note (see overlaps.spec.ts). */
const onsets = (notes: readonly ReadNote[]) => [...new Set(notes.map((n) => `${n.midi}@${n.ticks}`))].sort();
const pitchCounts = (notes: readonly ReadNote[]) => notes.reduce((counts, n) => counts.set(n.midi, (counts.get(n.midi) ?? 0) + 1), new Map<number, number>());

describe.each(FILES)('the corpus file %s', (file) => {
  const score = corpusScore(file) as Score;

  it('should export a MIDI file that reads back note for note: every pitch at its onset (with repeats, every written note at least once)', () => {
    const midi = readBack(exportMidi(score));
    const withNotes = score.parts.filter((part) => expectedNotes(score, part.id).length > 0);

    expect(midi.format).toBe(1);
    expect(midi.tracks.filter((t) => t.notes.length > 0)).toHaveLength(withNotes.length);
    for (const part of withNotes) {
      const track = midi.tracks.find((t) => t.notes.length > 0 && t.name === part.name) ?? midi.tracks[score.parts.indexOf(part)];
      const expected = expectedNotes(score, part.id);
      if (!hasRepeats(score)) {
        expect(onsets(track.notes)).toEqual(onsets(expected));
        continue;
      }
      const played = pitchCounts(track.notes);
      for (const [pitch, count] of pitchCounts(expected)) expect(played.get(pitch) ?? 0).toBeGreaterThanOrEqual(count);
    }
  });

  // The first render starts Verovio's WebAssembly runtime: seconds on a busy 2-core machine, so no 5 s limit.
  it('should engrave a PDF that poppler reads, with the title on its first page', async () => {
    const pdf = await renderPdf(score, { pageSize: 'A4' });
    const dir = mkdtempSync(join(tmpdir(), 'corpus-pdf-'));
    try {
      writeFileSync(join(dir, 'score.pdf'), pdf);
      const { stdout } = await run('pdfinfo', [join(dir, 'score.pdf')]);
      expect(Number(/Pages:\s+(\d+)/.exec(stdout)?.[1])).toBeGreaterThanOrEqual(1);
      if (score.title.trim() !== '') {
        const text = (await run('pdftotext', ['-l', '1', join(dir, 'score.pdf'), '-'])).stdout;
        expect(text.replace(/\s+/g, ' ')).toContain(score.title.trim().split(/\s+/)[0]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

it('should find the corpus', () => {
  expect(FILES.length).toBeGreaterThanOrEqual(12);
  expect(readFileSync(join(CORPUS, FILES[0])).length).toBeGreaterThan(0);
});
