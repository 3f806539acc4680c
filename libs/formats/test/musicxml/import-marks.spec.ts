import { ATTRS, backup, direction, forward, importXml, note, scoreXml } from './support/fixtures';
import { fractionText, measureIndex, staffOf } from './support/describe';

const whole = note('C4', { type: 'whole' });
const quarters = (n = 4) => Array.from({ length: n }, () => note('C4')).join('');
const wedge = (type: string, number = 1) => direction(`<wedge type="${type}" number="${number}"/>`);
const slur = (type: string, number = 1) => `<notations><slur type="${type}" number="${number}"/></notations>`;

describe('importing marks', () => {
  it('should read dynamics from directions and from notes, on their staff and beat', () => {
    const piano = ATTRS.replace('</time>', '</time><staves>2</staves>');
    const content = direction('<dynamics><p/></dynamics>', '<staff>1</staff>') + note('C4', { type: 'half', voice: '1', staff: 1, extra: '<notations><dynamics><sfz/></dynamics></notations>' }) + note('C4', { type: 'half', voice: '1', staff: 1, extra: '<notations><dynamics><ff/></dynamics></notations>' }) + backup(16) + forward(4) + direction('<dynamics><mf/></dynamics>', '<staff>2</staff>') + forward(12);
    const { document } = importXml(scoreXml([{ name: 'Piano', measures: [piano + content] }]));
    expect(staffOf(document, 0, 0, 0).dynamics.map((d) => `${d.value}@${fractionText(d.offset)}`)).toEqual(['p@0/1', 'sfz@0/1', 'ff@1/2']);
    expect(staffOf(document, 0, 0, 1).dynamics.map((d) => `${d.value}@${fractionText(d.offset)}`)).toEqual(['mf@1/4']);
  });

  it('should report dynamics the model does not have', () => {
    const result = importXml(scoreXml([ATTRS + direction('<dynamics><pppp/><other-dynamics>molto f</other-dynamics></dynamics>') + whole]));
    expect(result.skipped.map((s) => s.element)).toEqual(['dynamics pppp', 'dynamics "molto f"']);
  });

  it('should read a hairpin from its wedge start to the wedge stop with the same number, across barlines', () => {
    const { document } = importXml(scoreXml([ATTRS + note('C4', { type: 'half' }) + wedge('crescendo', 2) + note('C4', { type: 'half' }), note('C4', { type: 'half' }) + wedge('stop', 2) + note('C4', { type: 'half' })]));
    const [hairpin] = staffOf(document).hairpins;
    expect(hairpin).toMatchObject({ kind: 'crescendo', offset: { num: 1, den: 2 }, end: { offset: { num: 1, den: 2 } } });
    expect(measureIndex(document, hairpin.end.measureId)).toBe(1);
  });

  it('should let a hairpin end on the barline', () => {
    const { document } = importXml(scoreXml([ATTRS + wedge('diminuendo') + whole + wedge('stop')]));
    expect(staffOf(document).hairpins[0]).toMatchObject({ kind: 'diminuendo', offset: { num: 0, den: 1 }, end: { offset: { num: 1, den: 1 } } });
  });

  it('should report hairpins that never end or end where they start', () => {
    const result = importXml(scoreXml([ATTRS + wedge('crescendo') + wedge('stop') + wedge('diminuendo', 3) + whole]));
    expect(staffOf(result.document).hairpins).toEqual([]);
    expect(result.skipped.map((s) => [s.element, s.reason])).toEqual([['wedge', 'it ends where it starts'], ['wedge', 'it never ends']]);
  });

  it('should read slurs from the note where one starts to the note where it stops, numbers apart', () => {
    const m1 = ATTRS + note('C4', { extra: slur('start', 1) }) + note('D4', { extra: slur('start', 2) }) + note('E4', { extra: slur('stop', 1) }) + note('F4');
    const m2 = note('G4', { type: 'whole', extra: slur('stop', 2) });
    const { document } = importXml(scoreXml([m1, m2]));
    const slurs = staffOf(document).slurs.map((s) => `v${s.voice} ${fractionText(s.offset)} -> m${measureIndex(document, s.end.measureId)} ${fractionText(s.end.offset)}`);
    expect(slurs).toEqual(['v1 0/1 -> m0 1/2', 'v1 1/4 -> m1 0/1']);
  });

  it('should let one note end a slur and start the next with the same number', () => {
    const { document } = importXml(scoreXml([ATTRS + note('C4', { extra: slur('start') }) + note('D4', { extra: '<notations><slur type="stop" number="1"/><slur type="start" number="1"/></notations>' }) + note('E4', { type: 'half', extra: slur('stop') })]));
    expect(staffOf(document).slurs.map((s) => `${fractionText(s.offset)}-${fractionText(s.end.offset)}`)).toEqual(['0/1-1/4', '1/4-1/2']);
  });

  it('should report slurs that never end or that lost a note', () => {
    // D4 overlaps C4 in its voice, so it is left out, and so is the slur that ends on it.
    const result = importXml(scoreXml([ATTRS + note('C4', { type: 'half', extra: slur('start', 1) }) + backup(4) + note('D4', { extra: slur('stop', 1) }) + note('E4', { type: 'half', extra: slur('start', 2) })]));
    expect(result.skipped.filter((s) => s.element === 'slur').map((s) => s.reason)).toEqual(['a note it joins was left out', 'it never ends']);
  });

  it('should read words as text expressions at their offset', () => {
    const { document } = importXml(scoreXml([ATTRS + note('C4', { type: 'half' }) + direction('<words>dolce</words>|<words>  e   legato</words>') + `<direction><direction-type><words>rit.</words></direction-type><offset>4</offset></direction>` + note('C4', { type: 'half' })]));
    expect(staffOf(document).texts.map((t) => `${t.text}@${fractionText(t.offset)}`)).toEqual(['dolce e legato@1/2', 'rit.@3/4']);
  });

  it('should move marks at the barline to the next measure, and report those after the last one', () => {
    const result = importXml(scoreXml([ATTRS + whole + direction('<words>attacca</words>'), whole + direction('<dynamics><p/></dynamics>')]));
    expect(staffOf(result.document, 1).texts).toMatchObject([{ text: 'attacca', offset: { num: 0, den: 1 } }]);
    expect(result.skipped).toEqual([expect.objectContaining({ element: 'dynamics', bar: '2', reason: 'it stands after the last barline' })]);
  });

  it('should report directions the model does not have', () => {
    const result = importXml(scoreXml([ATTRS + direction('<pedal type="start"/>') + direction('<octave-shift type="down" size="8"/>') + direction('<other-direction/>', '<sound dacapo="yes"/>') + whole]));
    expect(result.skipped.map((s) => s.element)).toEqual(['pedal', 'octave-shift']);
  });

  it('should read chord symbols with their kind, printed text and bass', () => {
    const harmony = (inner: string) => `<harmony>${inner}</harmony>`;
    const content =
      harmony('<root><root-step>B</root-step><root-alter>-1</root-alter></root><kind text="7">dominant</kind>') +
      note('C4', { type: 'half' }) +
      harmony('<root><root-step>F</root-step></root><kind>major</kind><bass><bass-step>A</bass-step></bass><degree><degree-value>9</degree-value><degree-alter>0</degree-alter><degree-type>add</degree-type></degree>') +
      harmony('<root><root-step>C</root-step></root><kind>mystery</kind><offset>4</offset>') +
      harmony('<function>V</function><kind>dominant</kind>') +
      note('C4', { type: 'half' });
    const result = importXml(scoreXml([ATTRS + content]));
    expect(result.document.measures[0].content[result.document.parts[0].id].chordSymbols.map((c) => [fractionText(c.offset), c.symbol])).toEqual([
      ['0/1', { root: { step: 'B', alter: -1 }, kind: 'dominant', text: '7' }],
      ['1/2', { root: { step: 'F', alter: 0 }, kind: 'major', bass: { step: 'A', alter: 0 } }],
      ['3/4', { root: { step: 'C', alter: 0 }, kind: 'other' }],
    ]);
    expect(result.skipped.map((s) => s.element)).toEqual(['harmony degree', 'harmony']);
    expect(result.warnings.map((w) => w.message)).toContain('The chord kind "mystery" was kept as "other".');
  });
});

it('should count repeated skips of one element in one bar once', () => {
  const grace = note('D4', { before: '<grace/>', type: 'eighth' });
  const result = importXml(scoreXml([ATTRS + grace + grace + grace + quarters()]));
  expect(result.skipped).toEqual([{ element: 'grace', bar: '1', part: 'Flute', reason: 'grace notes are not in the score model', count: 3 }]);
});
