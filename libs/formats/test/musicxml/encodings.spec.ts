import { ATTRS, importXml, note, scoreXml } from './support/fixtures';
import { voiceText } from './support/describe';

const XML = scoreXml([ATTRS + note('C4', { type: 'whole' })]).replace('<part-name>Flute</part-name>', '<part-name>Flûte à bec</part-name>');

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  const units = (bom ? '\uFEFF' : '') + text;
  for (let i = 0; i < units.length; i++) view.setUint16(i * 2, units.charCodeAt(i), littleEndian);
  return out;
}

const declared = (encoding: string) => XML.replace('encoding="UTF-8"', `encoding="${encoding}"`);

describe('reading the text of a file in its encoding', () => {
  it.each([
    ['UTF-8 without a byte-order mark', () => new TextEncoder().encode(XML)],
    ['UTF-8 with a byte-order mark', () => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(XML)])],
    ['UTF-16 little-endian with a byte-order mark', () => utf16(declared('UTF-16'), true, true)],
    ['UTF-16 big-endian with a byte-order mark', () => utf16(declared('UTF-16'), false, true)],
    ['UTF-16 little-endian without a mark', () => utf16(declared('UTF-16'), true, false)],
    ['UTF-16 big-endian without a mark', () => utf16(declared('UTF-16'), false, false)],
    ['ISO-8859-1, as declared', () => Uint8Array.from(declared('ISO-8859-1'), (c) => c.charCodeAt(0))],
    ['a string that still has its byte-order mark', () => `\uFEFF${XML}`],
  ])('should read %s', (_what, bytes) => {
    const { document } = importXml(bytes());
    expect(document.parts[0].name).toBe('Flûte à bec');
    expect(voiceText(document)).toBe('C4:whole');
  });

  it('should read a file that claims UTF-8 but is Latin-1, and warn', () => {
    const result = importXml(Uint8Array.from(XML, (c) => c.charCodeAt(0)));
    expect(result.document.parts[0].name).toBe('Flûte à bec');
    expect(result.warnings.map((w) => w.message)).toContain('The file is not valid UTF-8; it was read as Windows-1252 (Latin-1).');
  });

  it('should read a file declared UTF-16 that is really single-byte text', () => {
    expect(importXml(new TextEncoder().encode(declared('UTF-16'))).document.parts[0].name).toBe('Flûte à bec');
  });

  it('should refuse an encoding it does not know (MUSICXML_UNSUPPORTED)', () => {
    expect(() => importXml(new TextEncoder().encode(declared('x-martian')))).toThrow(expect.objectContaining({ code: 'MUSICXML_UNSUPPORTED' }));
  });

  it('should refuse bytes that are not text in a declared multi-byte encoding (MUSICXML_INVALID)', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(declared('Shift_JIS')).subarray(0, 60), 0x81, 0x20]);
    expect(() => importXml(bytes)).toThrow(expect.objectContaining({ code: 'MUSICXML_INVALID' }));
  });
});
