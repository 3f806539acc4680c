import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { idSequence } from '@bandpro/domain/testing';
import { exportMusicXml, importMusicXml, MusicXmlError } from '../../src/musicxml';
import { CORPUS } from './support/xmllint';

/*
 * Damaged files: pieces of real scores cut, repeated and overwritten at random. Whatever comes in, the
 * import either gives a document the domain accepts or refuses the file with a MusicXmlError; it never
 * throws anything else and never returns half a score.
 */

const SOURCES = ['OSMD_function_test_chord_symbols.musicxml', 'OSMD_Function_Test_Drums_one_line_snare_plus_piano.musicxml', 'test_UTF16LEBOM_decoding_nested_tuplet.musicxml'].map((f) =>
  importText(readFileSync(join(CORPUS, f))),
);

function importText(bytes: Buffer): string {
  return bytes[0] === 0xff ? new TextDecoder('utf-16le').decode(bytes.subarray(2)) : bytes.toString('utf8');
}

const NUMBERS = ['0', '-1', '3', '1e9', '0.001', 'NaN', '999999999999', '7.5', ''];

const damage = fc.record({
  source: fc.nat(SOURCES.length - 1),
  edits: fc.array(
    fc.record({ kind: fc.constantFrom('cut', 'repeat', 'number', 'swap'), at: fc.nat(), length: fc.nat(400), value: fc.constantFrom(...NUMBERS) }),
    { minLength: 1, maxLength: 4 },
  ),
});

function apply(text: string, edits: { kind: string; at: number; length: number; value: string }[]): string {
  return edits.reduce((t, e) => {
    const at = e.at % Math.max(1, t.length);
    if (e.kind === 'cut') return t.slice(0, at) + t.slice(at + e.length);
    if (e.kind === 'repeat') return t.slice(0, at + e.length) + t.slice(at, at + e.length) + t.slice(at + e.length);
    if (e.kind === 'swap') return t.slice(at, at + e.length) + t.slice(0, at) + t.slice(at + e.length);
    // Numbers: rewrite the next element value that is a number (durations, divisions, octaves, alters...).
    return t.slice(0, at) + t.slice(at).replace(/>-?\d+(\.\d+)?</, `>${e.value}<`);
  }, text);
}

it('should import a damaged file, as a score that survives export, or refuse it with a MusicXmlError', () => {
  fc.assert(
    fc.property(damage, ({ source, edits }) => {
      const text = apply(SOURCES[source], edits);
      try {
        const result = importMusicXml(text, { ids: idSequence(0x99) });
        expect(result.document.measures.length).toBeGreaterThan(0);
        const again = importMusicXml(exportMusicXml(result.document), { ids: idSequence(0x99) });
        expect(again.document).toEqual(result.document);
      } catch (error) {
        expect(error).toBeInstanceOf(MusicXmlError);
        expect((error as Error).message).not.toMatch(/^(The file could not be read|The score cannot be imported)/);
      }
    }),
    { numRuns: 200 },
  );
});
