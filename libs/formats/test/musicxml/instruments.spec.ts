import { listInstruments } from '@bandpro/domain';
import { ATTRS, importXml, note, scoreXml } from './support/fixtures';

const whole = note('C4', { type: 'whole' });

function instrumentOf(name: string, scorePart = '', attrs = ATTRS): { id: string; warnings: string[] } {
  const result = importXml(scoreXml([{ name, scorePart, measures: [attrs + whole] }]));
  return { id: result.document.parts[0].instrumentId, warnings: result.warnings.map((w) => w.message) };
}

const instrument = (name: string, sound = '', program = '', channel = '') =>
  `<score-instrument id="I1"><instrument-name>${name}</instrument-name>${sound && `<instrument-sound>${sound}</instrument-sound>`}</score-instrument>` +
  (program || channel ? `<midi-instrument id="I1">${channel && `<midi-channel>${channel}</midi-channel>`}${program && `<midi-program>${program}</midi-program>`}</midi-instrument>` : '');

describe('matching parts to catalogue instruments', () => {
  it.each([
    ['its MusicXML sound id', 'Lead', instrument('Lead', 'brass.flugelhorn'), 'flugelhorn'],
    ['a more specific sound id', 'Keys', instrument('Keys', 'keyboard.piano.grand'), 'piano'],
    ['a less specific sound id', 'Reed', instrument('Reed', 'wind.reed.clarinet'), 'clarinet-bb'],
    ['MIDI channel 10', 'Kit', instrument('Kit', '', '1', '10'), 'drum-set'],
    ['its part name', 'Alto Sax.', '', 'alto-sax'],
    ['a German part name', 'Violine II', '', 'violin'],
    ['a name with a key', 'Clarinet in A', '', 'clarinet-a'],
    ['an instrument name when the part name says nothing', '1. Stimme', instrument('Alto'), 'alto'],
    ['a generic voice name', 'Voice', '', 'soprano'],
    ['its General MIDI program', 'Track 1', instrument('Track 1', '', '57'), 'trumpet-bb'],
    ['a program range', 'Track 2', instrument('Track 2', '', '76'), 'flute'],
  ])('should match by %s', (_how, name, scorePart, expected) => {
    expect(instrumentOf(name, scorePart)).toEqual({ id: expected, warnings: [] });
  });

  it.each([
    ['a treble clef', '<sign>G</sign><line>2</line>', 'violin'],
    ['a bass clef', '<sign>F</sign><line>4</line>', 'cello'],
    ['an alto clef', '<sign>C</sign><line>3</line>', 'viola'],
    ['tablature', '<sign>TAB</sign><line>5</line>', 'acoustic-guitar'],
  ])('should fall back by the clef for an unknown instrument on %s, and warn', (_what, clef, expected) => {
    const result = instrumentOf('Theremin', '', ATTRS.replace('<sign>G</sign><line>2</line>', clef));
    expect(result.id).toBe(expected);
    expect(result.warnings[0]).toMatch(/^No instrument in the catalogue matches "Theremin"/);
  });

  it('should choose a two-staff instrument for a two-staff part', () => {
    const twoStaves = ATTRS.replace('</time>', '</time><staves>2</staves>');
    expect(instrumentOf('Harp', '', twoStaves).id).toBe('piano');
    const violin = instrumentOf('Violin', '', twoStaves);
    expect(violin.id).toBe('piano');
    expect(violin.warnings[0]).toBe('Violin has one staff but "Violin" has 2; it was imported as Piano.');
  });

  it('should name a part after its instrument when the file names neither', () => {
    const { document } = importXml(scoreXml([{ name: '', measures: [ATTRS + whole] }]));
    expect(document.parts[0]).toMatchObject({ name: 'Violin', abbreviation: 'Vln.' });
  });

  it('should find every catalogue instrument by its sound id and by its name', () => {
    for (const inst of listInstruments()) {
      const attrs = inst.staves === 2 ? ATTRS.replace('</time>', '</time><staves>2</staves>') : ATTRS;
      expect(instrumentOf('Part', instrument('Part', inst.soundId), attrs).id).toBe(inst.id);
      expect(instrumentOf(inst.name, '', attrs).id).toBe(inst.id);
    }
  });
});
