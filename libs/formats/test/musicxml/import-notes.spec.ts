import { ATTRS, backup, forward, importXml, note, rest, scoreXml } from './support/fixtures';
import { staffOf, voiceText } from './support/describe';

const one = (...content: string[]) => importXml(scoreXml([ATTRS + content.join('')]));

describe('importing notes and rests', () => {
  it('should read note values from type, dots and time modification', () => {
    const { document } = one(
      note('C4', { type: 'quarter', dots: 1, duration: 6 }),
      note('D4', { type: 'eighth', duration: 2 }),
      note('E4', { type: 'eighth', tuplet: [3, 2], duration: 1 }),
      note('F4', { type: '16th', tuplet: [3, 2], duration: 1 }),
      note('G4', { type: '16th', tuplet: [3, 2], duration: 1 }),
      note('A4', { type: 'eighth', tuplet: [3, 2], duration: 1 }),
      note('B4', { type: 'quarter', alter: -1 }),
    );
    // Durations with divisions 4 cannot say a triplet eighth exactly: the written values win within a division.
    expect(voiceText(document)).toBe('C4:quarter. D4:eighth E4:eighth(3:2) F4:16th(3:2) G4:16th(3:2) A4:eighth(3:2) Bb4:quarter');
  });

  it('should compute the value from <duration> when the type is missing', () => {
    const { document } = one(note('C4', { type: 'none', duration: 12 }), note('D4', { type: 'none', duration: 4 }));
    expect(voiceText(document)).toBe('C4:half. D4:quarter');
  });

  it('should trust <duration> over a type that disagrees with it', () => {
    const { document } = one(note('C4', { type: 'quarter', duration: 8 }), note('D4', { type: 'half', duration: 8 }));
    expect(voiceText(document)).toBe('C4:half D4:half');
  });

  it('should split a length no single value writes into tied notes, and warn', () => {
    const result = one(note('C4', { type: 'none', duration: 10 }));
    expect(voiceText(result.document)).toBe('C4~:half C4:eighth');
    expect(result.warnings.map((w) => w.message)).toContain('A note no single note value can write was split into tied notes.');
  });

  it('should join <chord/> notes into one chord and drop a repeated pitch', () => {
    const { document } = one(note('C4', { type: 'half' }), note('E4', { type: 'half', chord: true }), note('G4', { type: 'half', chord: true }), note('G4', { type: 'half', chord: true }), rest({ type: 'half' }));
    expect(voiceText(document)).toBe('C4+E4+G4:half r:half');
  });

  it('should keep a whole-measure rest as an empty voice', () => {
    const { document } = one('<note><rest measure="yes"/><duration>16</duration></note>');
    expect(staffOf(document).voices).toEqual([[], [], [], []]);
  });

  it('should read a whole rest in 3/4 as a whole-measure rest', () => {
    const { document } = importXml(scoreXml([ATTRS.replace('<beats>4</beats>', '<beats>3</beats>') + rest({ type: 'whole', duration: 12 })]));
    expect(voiceText(document)).toBe('');
  });

  it('should fill a gap in a voice with rests on the beats', () => {
    const { document } = one(note('C4'), forward(8), note('D4'));
    // Rests follow the beats: in 4/4 a half rest may not straddle the middle of the bar.
    expect(voiceText(document)).toBe('C4:quarter r:quarter r:quarter D4:quarter');
  });

  it('should read voices and staves, numbering MuseScore-style voices 5-8 on the second staff from 1', () => {
    const piano = ATTRS.replace('</time>', '</time><staves>2</staves>').replace('<clef>', '<clef number="1">') + '';
    const content = [
      note('C5', { type: 'whole', voice: '1', staff: 1 }),
      backup(16),
      note('E4', { type: 'half', voice: '2', staff: 1 }),
      note('F4', { type: 'half', voice: '2', staff: 1 }),
      backup(16),
      note('C3', { type: 'whole', voice: '5', staff: 2 }),
      backup(16),
      note('G2', { type: 'whole', voice: '6', staff: 2 }),
    ].join('');
    const { document } = importXml(scoreXml([{ name: 'Piano', measures: [piano + content] }]));
    expect(document.parts[0].instrumentId).toBe('piano');
    expect(voiceText(document, 0, 0, 0, 0)).toBe('C5:whole');
    expect(voiceText(document, 0, 0, 0, 1)).toBe('E4:half F4:half');
    expect(voiceText(document, 0, 0, 1, 0)).toBe('C3:whole');
    expect(voiceText(document, 0, 0, 1, 1)).toBe('G2:whole');
    expect(staffOf(document, 0, 0, 1).clef).toEqual({ sign: 'F', line: 4 });
  });

  it('should rank other voice numbers and report a fifth voice on one staff', () => {
    const voices = ['3', '7', '9', '12', '15'].map((v) => note('C4', { type: 'whole', voice: v })).join(backup(16));
    const result = one(voices);
    expect([0, 1, 2, 3].map((v) => voiceText(result.document, 0, 0, 0, v))).toEqual(['C4:whole', 'C4:whole', 'C4:whole', 'C4:whole']);
    expect(result.skipped).toEqual([expect.objectContaining({ element: 'note', bar: '1', reason: 'a staff holds at most four voices' })]);
  });

  it('should put notes written across staves on their voice\'s staff, and warn', () => {
    const piano = ATTRS.replace('</time>', '</time><staves>2</staves>');
    const result = importXml(scoreXml([{ name: 'Piano', measures: [piano + note('C4', { voice: '1', staff: 1 }) + note('C3', { voice: '1', staff: 2 }) + note('D4', { type: 'half', voice: '1', staff: 1 })] }]));
    expect(voiceText(result.document)).toBe('C4:quarter C3:quarter D4:half');
    expect(result.warnings.map((w) => w.message)).toContain('Notes written across staves were placed on the staff of their voice.');
  });

  it('should report grace and cue notes and leave them out', () => {
    const result = one(note('D4', { before: '<grace/>', type: 'eighth' }), note('C4', { type: 'half' }), note('E4', { before: '<cue/>', type: 'half' }));
    expect(voiceText(result.document)).toBe('C4:half');
    expect(result.skipped.map((s) => [s.element, s.bar, s.part])).toEqual([['grace', '1', 'Flute'], ['cue', '1', 'Flute']]);
  });

  it('should report a note that overlaps the one before it in its voice', () => {
    const result = one(note('C4', { type: 'half' }), backup(4), note('D4', { type: 'half' }), rest());
    expect(voiceText(result.document)).toBe('C4:half r:quarter r:quarter');
    expect(result.skipped).toEqual([expect.objectContaining({ element: 'note', bar: '1', reason: 'it overlaps the note before it in its voice' })]);
  });

  it('should give a measure longer than its time signature one that fits, and restore the old one after it', () => {
    const result = importXml(scoreXml([ATTRS + note('C4', { type: 'whole' }) + note('D4'), note('E4', { type: 'whole' })]));
    const [first, second] = result.document.measures;
    expect([first.timeSignature, second.timeSignature]).toEqual([{ beats: 5, beatType: 4 }, { beats: 4, beatType: 4 }]);
    expect(voiceText(result.document)).toBe('C4:whole D4:quarter');
    expect(result.warnings).toContainEqual({ message: 'A measure longer than its time signature was given 5/4.', bar: '1' });
  });

  it('should read ties, articulations and fermatas', () => {
    const notations = '<notations><tied type="start"/><articulations><staccato/><accent/><strong-accent/><tenuto/><detached-legato/></articulations><fermata/></notations>';
    const { document } = one(note('C4', { type: 'half', extra: `<tie type="start"/>${notations}` }), note('C4', { type: 'half' }));
    const [first] = staffOf(document).voices[0];
    expect(first).toMatchObject({ articulations: ['staccato', 'accent', 'marcato', 'tenuto', 'fermata'], notes: [{ tie: true }] });
  });

  it('should report articulations, ornaments and notations the model does not have', () => {
    const extra = '<notations><articulations><spiccato/></articulations><ornaments><trill-mark/></ornaments><technical><fingering>1</fingering></technical><arpeggiate/></notations>';
    const result = one(note('C4', { type: 'whole', extra }));
    expect(result.skipped.map((s) => s.element)).toEqual(['spiccato', 'trill-mark', 'fingering', 'arpeggiate']);
  });

  it('should read lyrics by verse, joining elisions', () => {
    const lyric = (n: string, syllabic: string, text: string) => `<lyric number="${n}"><syllabic>${syllabic}</syllabic><text>${text}</text></lyric>`;
    const { document } = one(
      note('C4', { type: 'half', extra: lyric('2', 'single', 'two') + lyric('1', 'begin', 'Hal') }),
      note('D4', { type: 'half', extra: '<lyric number="1"><syllabic>end</syllabic><text>le</text><elision/><text>a</text></lyric>' }),
    );
    const [a, b] = staffOf(document).voices[0];
    expect(a).toMatchObject({ lyrics: [{ verse: 1, text: 'Hal', syllabic: 'begin' }, { verse: 2, text: 'two', syllabic: 'single' }] });
    expect(b).toMatchObject({ lyrics: [{ verse: 1, text: 'le‿a', syllabic: 'end' }] });
  });

  it('should number named verses in the order they appear', () => {
    const { document } = one(note('C4', { type: 'whole', extra: '<lyric number="chorus"><text>la</text></lyric><lyric number="verse"><text>lu</text></lyric>' }));
    expect(staffOf(document).voices[0][0]).toMatchObject({ lyrics: [{ verse: 1, text: 'la' }, { verse: 2, text: 'lu' }] });
  });

  it('should store transposing parts at concert pitch', () => {
    const trumpet = ATTRS.replace('<fifths>0</fifths>', '<fifths>2</fifths>') .replace('</attributes>', '<transpose><diatonic>-1</diatonic><chromatic>-2</chromatic></transpose></attributes>');
    const { document } = importXml(scoreXml([{ name: 'Trumpet in Bb', measures: [trumpet + note('E4', { type: 'half' }) + note('F4', { type: 'half', alter: 1 })] }]));
    expect(document.parts[0].instrumentId).toBe('trumpet-bb');
    expect(document.measures[0].keySignature).toEqual({ fifths: 0, mode: 'major' });
    expect(voiceText(document)).toBe('D4:half E4:half');
  });

  it('should ignore <transpose> in a concert score', () => {
    const trumpet = ATTRS.replace('</attributes>', '<transpose><diatonic>-1</diatonic><chromatic>-2</chromatic></transpose></attributes>');
    const { document } = importXml(scoreXml([{ name: 'Trumpet in Bb', measures: [trumpet + note('E4', { type: 'whole' })] }], '<defaults><concert-score/></defaults>'));
    expect(voiceText(document)).toBe('E4:whole');
  });

  it('should round microtones and report alterations past a double sharp', () => {
    const result = one(note('C4', { alter: 0.5 }), note('D4', { alter: 3 }), note('E4', { type: 'half' }));
    expect(voiceText(result.document)).toBe('C#4:quarter r:quarter E4:half');
    expect(result.skipped).toEqual([expect.objectContaining({ element: 'note', reason: 'alterations beyond a double sharp or flat are not in the score model' })]);
    expect(result.warnings.map((w) => w.message)).toContain('Microtonal alterations were rounded to the nearest semitone.');
  });

  it('should read drum notes as the MIDI notes their instruments name', () => {
    const scorePart = '<score-instrument id="P1-I39"><instrument-name>Snare</instrument-name></score-instrument><score-instrument id="P1-I37"><instrument-name>Kick</instrument-name></score-instrument><midi-instrument id="P1-I39"><midi-channel>10</midi-channel><midi-unpitched>39</midi-unpitched></midi-instrument><midi-instrument id="P1-I37"><midi-channel>10</midi-channel><midi-unpitched>37</midi-unpitched></midi-instrument>';
    const drum = (id: string) => `<note><unpitched><display-step>C</display-step><display-octave>5</display-octave></unpitched><duration>8</duration><instrument id="${id}"/><type>half</type></note>`;
    const attrs = ATTRS.replace('<sign>G</sign><line>2</line>', '<sign>percussion</sign>');
    const { document } = importXml(scoreXml([{ name: 'Drums', scorePart, measures: [attrs + drum('P1-I39') + drum('P1-I37')] }]));
    expect(document.parts[0].instrumentId).toBe('drum-set');
    expect(voiceText(document)).toBe('D2:half C2:half');
  });

  it('should place unpitched notes without a MIDI note at their staff position', () => {
    const { document } = one('<note><unpitched><display-step>E</display-step><display-octave>4</display-octave></unpitched><duration>16</duration><type>whole</type></note>');
    expect(voiceText(document)).toBe('E4:whole');
    expect(document.parts[0].instrumentId).toBe('drum-set');
  });
});
