import * as domain from '../index';

describe('the analysis queries are part of the domain library', () => {
  it('exports nameChord, detectKey, suggestChords and their errors from the library index', () => {
    const c4 = domain.parsePitch('C4');
    const e4 = domain.parsePitch('E4');
    expect(domain.nameChord([c4, e4, domain.parsePitch('G4')])).toEqual([{ root: { step: 'C', alter: 0 }, kind: 'major' }]);
    expect(domain.detectKey([{ pitch: c4, duration: domain.frac(1, 4) }]).key.fifths).toBeDefined();
    const melody = [{ pitch: e4, offset: domain.frac(0), duration: domain.frac(1), bar: 1 }];
    const [suggestion] = domain.suggestChords(melody, {
      key: { fifths: 0, mode: 'major' },
      timeSignature: { beats: 4, beatType: 4 },
      per: 'bar',
    });
    expect(domain.formatChordSymbol(suggestion.chord)).toBe('C');
    expect(domain.PassageMustHaveNotes.code).toBe('NOT_ENOUGH_NOTES');
    expect(domain.AnalysisInputMustBeValid.code).toBe('ANALYSIS_INPUT_MUST_BE_VALID');
  });
});
