import { ATTRS, direction, importXml, note, scoreXml } from './support/fixtures';
import { staffOf, voiceText } from './support/describe';

const whole = note('C4', { type: 'whole' });
const barline = (location: string, inner: string) => `<barline location="${location}">${inner}</barline>`;

describe('importing measures', () => {
  it('should read a pickup as an irregular first measure', () => {
    const pickup = ATTRS.replace('<beats>4</beats>', '<beats>3</beats>') + note('G4');
    const { document } = importXml(scoreXml([pickup, note('C5', { type: 'half', dots: 1, duration: 12 })]).replace('<measure number="1">', '<measure number="0" implicit="yes">'));
    expect(document.measures[0]).toMatchObject({ length: { num: 1, den: 4 }, timeSignature: { beats: 3, beatType: 4 } });
    expect(document.measures[1].length).toBeNull();
  });

  it('should keep time, key and clef changes and drop ones that repeat what is in force', () => {
    const change = '<attributes><key><fifths>-3</fifths><mode>minor</mode></key><time><beats>6</beats><beat-type>8</beat-type></time><clef><sign>F</sign><line>4</line></clef></attributes>';
    const same = '<attributes><key><fifths>-3</fifths><mode>minor</mode></key><time><beats>6</beats><beat-type>8</beat-type></time><clef><sign>F</sign><line>4</line></clef></attributes>';
    const { document } = importXml(scoreXml([ATTRS + whole, change + note('C3', { type: 'half', dots: 1, duration: 12 }), same + note('C3', { type: 'half', dots: 1, duration: 12 })]));
    const [a, b, c] = document.measures;
    expect([a.timeSignature, a.keySignature, staffOf(document, 0).clef]).toEqual([{ beats: 4, beatType: 4 }, { fifths: 0, mode: 'major' }, { sign: 'G', line: 2 }]);
    expect([b.timeSignature, b.keySignature, staffOf(document, 1).clef]).toEqual([{ beats: 6, beatType: 8 }, { fifths: -3, mode: 'minor' }, { sign: 'F', line: 4 }]);
    expect([c.timeSignature, c.keySignature, staffOf(document, 2).clef]).toEqual([null, null, null]);
  });

  it('should assume 4/4 in C and the instrument\'s clef when the file says nothing, and warn', () => {
    const result = importXml(scoreXml(['<attributes><divisions>4</divisions></attributes>' + whole]));
    expect(result.document.measures[0]).toMatchObject({ timeSignature: { beats: 4, beatType: 4 }, keySignature: { fifths: 0, mode: 'major' } });
    expect(staffOf(result.document).clef).toEqual({ sign: 'G', line: 2 });
    expect(result.warnings.map((w) => w.message)).toContain('The score has no time signature at its start; 4/4 was assumed.');
  });

  it('should read additive meters by their total and octave clefs', () => {
    const attrs = '<attributes><divisions>2</divisions><time><beats>3+2</beats><beat-type>8</beat-type></time><clef><sign>G</sign><line>2</line><clef-octave-change>-1</clef-octave-change></clef></attributes>';
    const { document } = importXml(scoreXml([attrs + note('C4', { type: 'quarter', dots: 1, duration: 3 }) + note('D4', { type: 'quarter', duration: 2 })]));
    expect(document.measures[0].timeSignature).toEqual({ beats: 5, beatType: 8 });
    expect(staffOf(document).clef).toEqual({ sign: 'G', line: 2, octaveChange: -1 });
  });

  it('should move a clef change inside a measure to the next barline, reporting it, but not one at the barline', () => {
    const clef = '<attributes><clef><sign>F</sign><line>4</line></clef></attributes>';
    const result = importXml(scoreXml([ATTRS + note('C4', { type: 'half' }) + clef + note('C3', { type: 'half' }), whole + clef, whole]));
    expect([1, 2].map((m) => staffOf(result.document, m).clef)).toEqual([{ sign: 'F', line: 4 }, null]);
    expect(result.skipped).toEqual([expect.objectContaining({ element: 'clef', bar: '1', reason: 'a clef change inside a measure moves to the next barline' })]);
  });

  it('should move a key change inside a measure to the next one and report time changes there', () => {
    const mid = '<attributes><key><fifths>1</fifths></key><time><beats>3</beats><beat-type>4</beat-type></time></attributes>';
    const result = importXml(scoreXml([ATTRS + note('C4', { type: 'half' }) + mid + note('D4', { type: 'half' }), whole]));
    expect(result.document.measures[1].keySignature).toEqual({ fifths: 1, mode: 'major' });
    expect(result.skipped.map((s) => [s.element, s.reason])).toEqual([
      ['key', 'a key change inside a measure moves to the next barline'],
      ['time', 'a time signature inside a measure is not in the score model'],
    ]);
  });

  it('should keep other modes as major keys and warn', () => {
    const result = importXml(scoreXml([ATTRS.replace('<fifths>0</fifths>', '<fifths>0</fifths><mode>dorian</mode>') + whole]));
    expect(result.document.measures[0].keySignature).toEqual({ fifths: 0, mode: 'major' });
    expect(result.warnings.map((w) => w.message)).toContain('The dorian mode was kept as a major key signature.');
  });

  it('should read tempo from a metronome mark with its words, or from <sound tempo>', () => {
    const metronome = direction('<words>Allegro</words>|<metronome><beat-unit>quarter</beat-unit><beat-unit-dot/><per-minute>c. 96</per-minute></metronome>');
    const sound = direction('<words>Adagio</words>', '<sound tempo="60"/>');
    const { document } = importXml(scoreXml([ATTRS + metronome + whole, sound + whole, '<sound tempo="132.5"/>' + whole]));
    expect(document.measures.map((m) => m.tempo)).toEqual([
      { bpm: 96, beatUnit: { type: 'quarter', dots: 1 }, text: 'Allegro' },
      { bpm: 60, beatUnit: { type: 'quarter', dots: 0 }, text: 'Adagio' },
      { bpm: 132.5, beatUnit: { type: 'quarter', dots: 0 }, text: null },
    ]);
  });

  it('should keep one tempo per measure and report a different second one', () => {
    const tempo = (bpm: number) => direction(`<metronome><beat-unit>quarter</beat-unit><per-minute>${bpm}</per-minute></metronome>`);
    const result = importXml(scoreXml([ATTRS + tempo(100) + note('C4', { type: 'half' }) + tempo(100) + tempo(80) + note('C4', { type: 'half' })]));
    expect(result.document.measures[0].tempo?.bpm).toBe(100);
    expect(result.skipped).toEqual([expect.objectContaining({ element: 'tempo', reason: 'the model keeps one tempo per measure' })]);
  });

  it('should report a metric modulation, which has no number per minute', () => {
    const modulation = direction('<metronome><beat-unit>quarter</beat-unit><beat-unit>eighth</beat-unit></metronome>');
    expect(importXml(scoreXml([ATTRS + modulation + whole])).skipped.map((s) => s.element)).toEqual(['metronome']);
  });

  it('should read rehearsal marks', () => {
    expect(importXml(scoreXml([ATTRS + direction('<rehearsal>A</rehearsal>') + whole])).document.measures[0].rehearsalMark).toBe('A');
  });

  it('should read repeats, double and final barlines, and volta brackets', () => {
    const measures = [
      ATTRS + barline('left', '<bar-style>heavy-light</bar-style><repeat direction="forward"/>') + whole,
      barline('left', '<ending number="1, 2" type="start">1.-2.</ending>') + whole,
      whole + barline('right', '<bar-style>light-heavy</bar-style><ending number="1, 2" type="stop"/><repeat direction="backward"/>'),
      barline('left', '<ending number="3" type="start"/>') + whole + barline('right', '<ending number="3" type="discontinue"/>'),
      barline('left', '<bar-style>light-light</bar-style>') + whole + barline('right', '<bar-style>light-heavy</bar-style>'),
    ];
    const { document } = importXml(scoreXml(measures));
    expect(document.measures.map((m) => [m.startBarline, m.endBarline, m.volta?.numbers ?? null])).toEqual([
      ['repeat-start', 'regular', null],
      ['regular', 'regular', [1, 2]],
      ['regular', 'repeat-end', [1, 2]],
      ['regular', 'double', [3]],
      ['regular', 'final', null],
    ]);
  });

  it('should report barlines inside a measure and endings without numbers', () => {
    const result = importXml(scoreXml([ATTRS + note('C4', { type: 'half' }) + barline('middle', '<bar-style>dashed</bar-style>') + note('C4', { type: 'half' }) + barline('right', '<ending number="" type="stop"/><segno/>')]));
    expect(result.skipped.map((s) => s.element)).toEqual(['barline', 'ending', 'segno']);
  });

  it('should line up parts with different measure counts', () => {
    const { document } = importXml(scoreXml([{ measures: [ATTRS + whole, whole] }, { name: 'Oboe', measures: [ATTRS + whole] }]));
    expect(document.measures).toHaveLength(2);
    expect(voiceText(document, 1, 1)).toBe('');
  });

  it('should read a timewise score as partwise', () => {
    const timewise = `<score-timewise version="3.1"><part-list><score-part id="P1"><part-name>Oboe</part-name></score-part><score-part id="P2"><part-name>Cello</part-name></score-part></part-list>
      <measure number="1"><part id="P1">${ATTRS}${whole}</part><part id="P2">${ATTRS.replace('<sign>G</sign><line>2</line>', '<sign>F</sign><line>4</line>')}${note('C3', { type: 'whole' })}</part></measure>
      <measure number="2"><part id="P1">${note('D4', { type: 'whole' })}</part><part id="P2">${note('D3', { type: 'whole' })}</part></measure></score-timewise>`;
    const { document } = importXml(timewise);
    expect(document.parts.map((p) => p.instrumentId)).toEqual(['oboe', 'cello']);
    expect([voiceText(document, 1, 0), voiceText(document, 1, 1)]).toEqual(['D4:whole', 'D3:whole']);
  });

  it('should warn about a version it does not know and read it as 4.0', () => {
    const result = importXml(scoreXml([ATTRS + whole]).replace('version="4.0"', 'version="5.1"'));
    expect(result.warnings.map((w) => w.message)).toContain('The file declares MusicXML 5.1; it was read as MusicXML 4.0.');
  });

  it('should read the title, subtitle, composer, arranger and rights', () => {
    const header = '<work><work-title>Suite</work-title></work><movement-title>I. Prelude</movement-title><identification><creator type="composer">J. S. Bach</creator><creator type="arranger">Anon</creator><creator type="lyricist">Someone</creator><rights>Public   domain</rights></identification>';
    const result = importXml(scoreXml([ATTRS + whole], header));
    expect(result.document).toMatchObject({ title: 'Suite', subtitle: 'I. Prelude', composer: 'J. S. Bach', arranger: 'Anon', copyright: 'Public domain' });
    expect(result.warnings.map((w) => w.message)).toContain('The lyricist is not in the score model and was left out.');
  });

  it('should take a title from typed credits, else the largest credit, else the file name', () => {
    const credits = (words: string) => `<credit page="1">${words}</credit>`;
    const typed = credits('<credit-type>title</credit-type><credit-words>Typed</credit-words>') + credits('<credit-type>subtitle</credit-type><credit-words>Sub</credit-words>');
    const sized = credits('<credit-words font-size="12">Small</credit-words>') + credits('<credit-words font-size="24">Large</credit-words>');
    expect(importXml(scoreXml([ATTRS + whole], typed)).document).toMatchObject({ title: 'Typed', subtitle: 'Sub' });
    expect(importXml(scoreXml([ATTRS + whole], sized)).document.title).toBe('Large');
    expect(importXml(scoreXml([ATTRS + whole]), { filename: 'uploads/My Song.mxl' }).document.title).toBe('My Song');
    expect(importXml(scoreXml([ATTRS + whole])).document.title).toBe('Untitled');
  });

  it('should shorten texts longer than the model holds, and warn', () => {
    const result = importXml(scoreXml([ATTRS + direction(`<rehearsal>${'R'.repeat(30)}</rehearsal>`) + whole], `<work><work-title>${'T'.repeat(250)}</work-title></work>`));
    expect([result.document.title.length, result.document.measures[0].rehearsalMark]).toEqual([200, 'R'.repeat(20)]);
    expect(result.warnings.map((w) => w.message)).toEqual(expect.arrayContaining(['The title was shortened to 200 characters.', 'Rehearsal marks longer than 20 characters were shortened.']));
  });

  it('should report elements it does not know inside a measure', () => {
    const result = importXml(scoreXml([ATTRS + '<figured-bass><figure><figure-number>6</figure-number></figure></figured-bass><print new-system="yes"/>' + whole]));
    expect(result.skipped.map((s) => s.element)).toEqual(['figured-bass']);
    expect(voiceText(result.document)).toBe('C4:whole');
  });
});
