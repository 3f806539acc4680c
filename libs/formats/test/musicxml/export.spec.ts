import { unzipSync, strFromU8 } from 'fflate';
import { cmd, createScore, E, f, M, PART_1, PART_2, pitch, quarter, whole, writeNote } from '@bandpro/domain/testing';
import { exportMusicXml, exportMxl, MusicXmlError } from '../../src/musicxml';
import { childElement, childElements, parseXml, type XmlElement } from '../../src/musicxml/io/xml-tree';
import { afterRoundTrip, canonical } from './support/canonical';
import { importXml } from './support/fixtures';
import { richScore, scoreFrom } from './support/scores';
import { validateMusicXml } from './support/xmllint';

/** The elements at a path below the root ("part/measure/note"), in document order. */
function select(root: XmlElement, path: string): XmlElement[] {
  return path.split('/').reduce<XmlElement[]>((found, name) => found.flatMap((el) => childElements(el, name)), [root]);
}

const text = (el: XmlElement | undefined, name: string) => (el && childElement(el, name)?.text) ?? undefined;
const pitchOf = (n: XmlElement) => {
  const p = childElement(n, 'pitch');
  return p ? `${text(p, 'step')}${text(p, 'alter') ?? ''}/${text(p, 'octave')}` : childElement(n, 'rest') ? 'rest' : 'unpitched';
};

describe('exporting MusicXML', () => {
  const rich = richScore();
  const xml = exportMusicXml(rich);
  const root = parseXml(xml);

  it('should write MusicXML 4.0 that the schema accepts', async () => {
    expect(await validateMusicXml(xml)).toEqual({ valid: true, errors: expect.stringContaining('validates') });
    expect(xml).toContain('<!DOCTYPE score-partwise PUBLIC "-//Recordare//DTD MusicXML 4.0 Partwise//EN"');
  });

  it('should read back as the same score', () => {
    const back = importXml(xml);
    expect(back.skipped).toEqual([]);
    expect(canonical(back.document)).toEqual(canonical(afterRoundTrip(rich)));
  });

  it('should write a transposing part at written pitch with its <transpose>, and its written key', () => {
    const [first] = select(root, 'part')[0].children.filter((c) => c.name === 'measure');
    const attributes = childElement(first, 'attributes') as XmlElement;
    expect(text(childElement(attributes, 'key'), 'fifths')).toBe('4');
    expect(childElement(attributes, 'transpose')).toMatchObject({ children: [{ name: 'diatonic', text: '-1' }, { name: 'chromatic', text: '-2' }] });
    expect(childElements(first, 'note').map(pitchOf).slice(0, 4)).toEqual(['E/4', 'G1/4', 'A/4', 'B/4']);
    // Chord symbols are written like the notes: D and B♭7/F concert are E and C7/G for a B♭ trumpet.
    expect(childElements(first, 'harmony').map((h) => `${text(childElement(h, 'root'), 'root-step')}/${text(childElement(h, 'bass'), 'bass-step') ?? '-'}`)).toEqual(['E/-', 'C/G']);
  });

  it('should write a concert score when asked, naming it so in the defaults', async () => {
    const concert = exportMusicXml(rich, { concertPitch: true });
    const concertRoot = parseXml(concert);
    expect(select(concertRoot, 'defaults/concert-score')).toHaveLength(1);
    expect(childElements(select(concertRoot, 'part/measure')[0], 'note').map(pitchOf).slice(0, 2)).toEqual(['D/4', 'F1/4']);
    expect((await validateMusicXml(concert)).valid).toBe(true);
    expect(canonical(importXml(concert).document)).toEqual(canonical(afterRoundTrip(rich)));
  });

  it('should respell a written key past seven sharps, and the notes with it', () => {
    const score = scoreFrom([createScore({ keySignature: { fifths: 6, mode: 'major' } }), writeNote(E[0], f(0), whole, [pitch('F', 4, 1)], { measureId: M[0] })]);
    const out = parseXml(exportMusicXml(score));
    const measure = select(out, 'part/measure')[0];
    expect(text(childElement(childElement(measure, 'attributes') as XmlElement, 'key'), 'fifths')).toBe('-4');
    expect(childElements(measure, 'note').map(pitchOf)).toEqual(['A-1/4']);
  });

  it('should write drum notes as unpitched notes of score-instruments carrying their MIDI numbers', () => {
    const drums = select(root, 'part-list/score-part')[2];
    expect(childElements(drums, 'midi-instrument').map((m) => [m.attrs.id, text(m, 'midi-channel'), text(m, 'midi-unpitched')])).toEqual([
      ['P3-I37', '10', '37'],
      ['P3-I39', '10', '39'],
      ['P3-I43', '10', '43'],
    ]);
    const notes = childElements(select(root, 'part')[2].children[0], 'note');
    expect(notes.map((n) => [childElement(n, 'instrument')?.attrs.id, text(childElement(n, 'unpitched'), 'display-step')])).toEqual([
      ['P3-I37', 'F'],
      ['P3-I39', 'C'],
      ['P3-I43', 'G'],
      ['P3-I37', 'F'],
    ]);
  });

  it('should write an empty first voice as a whole-measure rest and keep a short voice\'s measure full', () => {
    const written = scoreFrom([createScore(), writeNote(E[0], f(0), quarter, [pitch('C', 5)], { measureId: M[0], voice: 2 })]);
    // Edits fill a voice to the barline; a voice can still end early (after a shorter time signature, say).
    const [first, ...rest] = written.measures;
    const staff = first.content[PART_1].staves[0];
    const short = { ...staff, voices: [staff.voices[1].slice(0, 1), [], [], []] };
    const score = { ...written, measures: [{ ...first, content: { [PART_1]: { ...first.content[PART_1], staves: [short] } } }, ...rest] };
    expect(canonical(importXml(exportMusicXml(score)).document)).toEqual(canonical(afterRoundTrip(score)));
    const [shortMeasure, emptyMeasure] = select(parseXml(exportMusicXml(score)), 'part/measure');
    const steps = (m: XmlElement) => m.children.filter((c) => c.name !== 'attributes').map((c) => `${c.name}:${text(c, 'duration')}`);
    expect(steps(shortMeasure)).toEqual(['note:1', 'forward:3']);
    expect(steps(emptyMeasure)).toEqual(['note:4']);
    expect(childElement(childElements(emptyMeasure, 'note')[0], 'rest')?.attrs.measure).toBe('yes');
  });

  it('should still write a part whose instrument left the catalogue', async () => {
    const score = scoreFrom([createScore(), writeNote(E[0], f(0), whole, [pitch('C', 5)], { measureId: M[0] })]);
    const retired = { ...score, parts: [{ ...score.parts[0], instrumentId: 'serpent' }] };
    const out = exportMusicXml(retired);
    expect((await validateMusicXml(out)).valid).toBe(true);
    expect(select(parseXml(out), 'part-list/score-part/score-instrument/instrument-name').map((n) => n.text)).toEqual(['Trumpet in B♭']);
    expect(childElements(select(parseXml(out), 'part/measure')[0], 'note').map(pitchOf)).toEqual(['C/5']);
  });

  it('should escape text and drop characters XML cannot hold', async () => {
    const score = scoreFrom([createScore({ title: 'A & B <C> "D"\u0001' }), cmd('AddTextExpression', { partId: PART_1, staff: 1, measureId: M[0], offset: f(0), textId: E[1], text: "it's <loud> & \u0007clear" })]);
    const out = exportMusicXml(score);
    expect(out).toContain('<work-title>A &amp; B &lt;C&gt; &quot;D&quot;</work-title>');
    expect((await validateMusicXml(out)).valid).toBe(true);
    expect(importXml(out).document.title).toBe('A & B <C> "D"');
  });

  it('should export only the parts asked for, and refuse parts the score does not have', () => {
    const only = parseXml(exportMusicXml(rich, { partIds: [PART_2] }));
    expect(select(only, 'part-list/score-part').map((p) => text(p, 'part-name'))).toEqual(['Drum Set']);
    expect(select(only, 'part/measure/direction/direction-type/rehearsal').map((r) => r.text)).toEqual(['A']);
    expect(() => exportMusicXml(rich, { partIds: ['nope'] })).toThrow(expect.objectContaining({ code: 'MUSICXML_PART_NOT_FOUND', kind: 'not-found' }));
    expect(() => exportMusicXml(rich, { partIds: [] })).toThrow(MusicXmlError);
  });

  it('should pack an .mxl archive: the mimetype first and stored, a container, the score', () => {
    const archive = exportMxl(rich);
    expect(strFromU8(archive.subarray(30, 38))).toBe('mimetype');
    expect(new DataView(archive.buffer, archive.byteOffset).getUint16(8, true)).toBe(0);
    const files = unzipSync(archive);
    expect(Object.keys(files)).toEqual(['mimetype', 'META-INF/container.xml', 'score.musicxml']);
    expect(strFromU8(files.mimetype)).toBe('application/vnd.recordare.musicxml');
    expect(strFromU8(files['score.musicxml'])).toBe(xml);
    expect(exportMxl(rich)).toEqual(archive);
    expect(canonical(importXml(archive).document)).toEqual(canonical(afterRoundTrip(rich)));
  });
});
