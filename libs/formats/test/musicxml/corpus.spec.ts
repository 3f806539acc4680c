import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { cmd, given, idSequence } from '@bandpro/domain/testing';
import { exportMusicXml, importMusicXml, type MusicXmlImport } from '../../src/musicxml';
import { CORPUS, validateMusicXml } from './support/xmllint';

/*
 * Every file of the shared corpus (scores from MuseScore, Finale, Sibelius and others, some not valid
 * against the schema): import, ImportScore accepts it, export is valid MusicXML 4.0, and importing the
 * export gives the same document (ids come from the same deterministic sequence, in document order).
 */

const FILES = readdirSync(CORPUS).filter((f) => /\.(xml|musicxml|mxl)$/i.test(f)).sort();

/** What each file is known to hold that the model does not: the first import must report exactly these. */
const EXPECTED_SKIPS: Readonly<Record<string, string[]>> = {
  'Cornelius_P_Christbaum_Opus_8_1_1865.mxl': ['arpeggiate', 'dynamics "marcato"'],
  'JohannSebastianBach_Air.xml': ['grace'],
  'OSMD_function_test_GraceNotes.xml': ['grace'],
  'OSMD_function_test_Ornaments.xml': ['delayed-inverted-turn', 'delayed-turn', 'inverted-mordent', 'inverted-turn', 'mordent', 'trill-mark', 'turn', 'wavy-line'],
  'OSMD_function_test_accidentals.musicxml': ['note'],
};

const importFile = (input: Uint8Array | string, filename: string): MusicXmlImport => importMusicXml(input, { filename, ids: idSequence(0x5c) });

function summary(file: string, result: MusicXmlImport): string {
  const skipped = result.skipped.map((s) => `  skipped ${s.element}${s.count > 1 ? ` ×${s.count}` : ''} (bar ${s.bar ?? '-'}, ${s.part ?? 'score'}): ${s.reason}`);
  const warnings = result.warnings.map((w) => `  warning${w.bar ? ` (bar ${w.bar})` : ''}: ${w.message}`);
  return [`${file}: ${result.document.parts.length} part(s), ${result.document.measures.length} measure(s)`, ...skipped, ...warnings].join('\n');
}

describe.each(FILES)('the corpus file %s', (file) => {
  const first = importFile(new Uint8Array(readFileSync(join(CORPUS, file))), file);

  it('should import without a crash into a document ImportScore accepts, reporting what it left out', () => {
    console.info(summary(file, first));
    const [event] = given().when(cmd('ImportScore', { score: first.document })).events();
    expect(event).toMatchObject({ type: 'ScoreImported', data: first.document });
    expect([...new Set(first.skipped.map((s) => s.element))].sort()).toEqual(EXPECTED_SKIPS[file] ?? []);
    const notes = first.document.measures.flatMap((m) => Object.values(m.content)).flatMap((pm) => pm.staves.flatMap((s) => s.voices.flat()));
    expect(notes.some((e) => e.kind === 'chord')).toBe(true);
  });

  it('should export valid MusicXML 4.0 that imports as the same score', async () => {
    const xml = exportMusicXml(first.document);
    expect(await validateMusicXml(xml)).toMatchObject({ valid: true });
    const second = importFile(xml, file);
    expect(second.skipped).toEqual([]);
    expect(second.document).toEqual(first.document);
  });
});

it('should find the corpus', () => {
  expect(FILES.length).toBeGreaterThanOrEqual(12);
});
