import { ATTRS, direction, forward, importXml, note, scoreXml } from './support/fixtures';
import { fractionText, staffOf, voiceText } from './support/describe';

const whole = note('C4', { type: 'whole' });
const messages = (r: { warnings: { message: string }[] }) => r.warnings.map((w) => w.message);

describe('importing what real files get wrong or stretch', () => {
  it('should close up a gap no rests can fill, and warn', () => {
    const attrs = ATTRS.replace('<divisions>4</divisions>', '<divisions>3</divisions>');
    const result = importXml(scoreXml([attrs + note('C4', { duration: 3 }) + forward(1) + note('D4', { duration: 3 }) + note('E4', { type: 'half', duration: 5 })]));
    expect(voiceText(result.document)).toBe('C4:quarter D4:quarter E4:half');
    expect(messages(result)).toContain('A gap in a voice that no rests can fill was closed up: the notes after it start earlier.');
  });

  it('should keep at most 256 entries in a voice of one measure', () => {
    const attrs = ATTRS.replace('<divisions>4</divisions>', '<divisions>16</divisions>').replace('<beats>4</beats>', '<beats>32</beats>');
    const result = importXml(scoreXml([attrs + note('C4', { type: '64th', duration: 1 }).repeat(260)]));
    expect(staffOf(result.document).voices[0]).toHaveLength(256);
    expect(result.skipped).toEqual([expect.objectContaining({ element: 'note', reason: 'a voice holds at most 256 notes and rests in a measure' })]);
  });

  it('should report clefs, time and key signatures the model does not have', () => {
    const odd = '<attributes><divisions>4</divisions><key><key-step>D</key-step><key-alter>-1</key-alter></key><time><beats>7</beats><beat-type>3</beat-type></time><clef><sign>none</sign></clef></attributes>';
    const result = importXml(scoreXml([odd + whole, '<attributes><time><senza-misura/></time></attributes>' + whole]));
    expect(result.skipped.map((s) => `${s.element}: ${s.reason}`)).toEqual([
      'key: only key signatures on the circle of fifths are kept',
      'time: this time signature is not in the score model',
      'clef: the clef none is not in the score model',
      'time: unmetered music is not in the score model',
    ]);
  });

  it('should shorten long texts and leave out verses past ten', () => {
    const verses = Array.from({ length: 11 }, (_, i) => `<lyric number="v${i}"><text>x</text></lyric>`).join('');
    const long = `<lyric number="1"><text>${'y'.repeat(60)}</text></lyric>`;
    const result = importXml(scoreXml([ATTRS + direction(`<words>${'w'.repeat(120)}</words>`) + note('C4', { type: 'half', extra: verses }) + note('D4', { type: 'half', extra: long })]));
    expect(staffOf(result.document).texts[0].text).toHaveLength(100);
    const [first, second] = staffOf(result.document).voices[0];
    expect(first.kind === 'chord' && first.lyrics.map((l) => l.verse)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(second).toMatchObject({ lyrics: [{ verse: 1, text: 'y'.repeat(50), syllabic: 'single' }] });
    expect(result.skipped).toEqual([expect.objectContaining({ element: 'lyric', reason: 'only ten verses fit in the score model' })]);
    expect(messages(result)).toEqual(expect.arrayContaining(['Texts longer than 100 characters were shortened.', 'Lyrics longer than 50 characters were shortened.']));
  });

  it('should rank voices that are named rather than numbered', () => {
    const result = importXml(scoreXml([ATTRS + note('C5', { type: 'whole', voice: 'upper' }) + '<backup><duration>16</duration></backup>' + note('C4', { type: 'whole', voice: 'lower' })]));
    expect([voiceText(result.document, 0, 0, 0, 0), voiceText(result.document, 0, 0, 0, 1)]).toEqual(['C4:whole', 'C5:whole']);
  });

  it('should read chord symbols of a transposing part at concert pitch', () => {
    const trumpet = ATTRS.replace('</attributes>', '<transpose><diatonic>-1</diatonic><chromatic>-2</chromatic></transpose></attributes>');
    const harmony = '<harmony><root><root-step>E</root-step></root><kind>major</kind><bass><bass-step>G</bass-step><bass-alter>1</bass-alter></bass></harmony>';
    const { document } = importXml(scoreXml([{ name: 'Trumpet', measures: [trumpet + harmony + whole] }]));
    expect(document.measures[0].content[document.parts[0].id].chordSymbols[0].symbol).toEqual({ root: { step: 'D', alter: 0 }, kind: 'major', bass: { step: 'F', alter: 1 } });
  });

  it('should start a hairpin written at the barline in the next measure', () => {
    const { document } = importXml(scoreXml([ATTRS + whole + direction('<wedge type="crescendo"/>'), note('C4', { type: 'half' }) + direction('<wedge type="stop"/>') + note('C4', { type: 'half' })]));
    expect(staffOf(document, 1).hairpins.map((h) => `${fractionText(h.offset)}-${fractionText(h.end.offset)}`)).toEqual(['0/1-1/2']);
  });

  it('should import a part the part list forgets, as its default instrument', () => {
    const xml = scoreXml([ATTRS + whole]).replace('<score-part id="P1"><part-name>Flute</part-name></score-part>', '<score-part id="P9"><part-name>Ghost</part-name></score-part>');
    const { document } = importXml(xml);
    expect(document.parts[0]).toMatchObject({ name: 'Violin', instrumentId: 'violin' });
  });

  it('should refuse, whole, a file whose result the domain rejects (nothing partial)', () => {
    expect(() => importXml(scoreXml([ATTRS + whole]), { ids: () => '01890a5d-ac96-774b-bcce-b302099a8057' })).toThrow(
      expect.objectContaining({ code: 'MUSICXML_UNSUPPORTED', details: expect.objectContaining({ domainCode: 'IDS_MUST_BE_UNIQUE' }) }),
    );
  });
});
