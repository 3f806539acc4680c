import { commandsUntouchedBy, scopesOf, scopesOverlap, type Scope } from './stale-command-rule';

const P1 = 'part-1';
const P2 = 'part-2';
const M1 = 'measure-1';
const M2 = 'measure-2';
const writeNote = (partId: string, measureId: string) => ({ type: 'WriteNote', data: { partId, measureId, staff: 1, voice: 1 } });
const noteWritten = (partId: string, measureId: string) => ({ type: 'NoteWritten', data: { partId, measureId, staff: 1, voice: 1 } });

describe('scopesOf', () => {
  it('should read a part × measure region from a note command', () => {
    expect(scopesOf(writeNote(P1, M1))).toEqual([{ kind: 'region', partId: P1, measureId: M1 }]);
  });

  it('should read both ends of a slur that crosses a barline', () => {
    const addSlur = { type: 'AddSlur', data: { partId: P1, measureId: M1, end: { measureId: M2 } } };
    expect(scopesOf(addSlur)).toEqual([
      { kind: 'region', partId: P1, measureId: M1 },
      { kind: 'region', partId: P1, measureId: M2 },
    ]);
    const hairpinAdded = { type: 'HairpinAdded', data: { partId: P1, measureId: M1, hairpin: { end: { measureId: M1 } } } };
    expect(scopesOf(hairpinAdded)).toEqual([{ kind: 'region', partId: P1, measureId: M1 }]);
  });

  it('should read a whole measure from a time signature change and a whole part from a rename', () => {
    expect(scopesOf({ type: 'SetTimeSignature', data: { measureId: M1 } })).toEqual([{ kind: 'measure', measureId: M1 }]);
    expect(scopesOf({ type: 'PartRenamed', data: { partId: P1 } })).toEqual([{ kind: 'part', partId: P1 }]);
  });

  it('should treat structural changes, ranges and id-less messages as touching the whole score', () => {
    for (const message of [
      { type: 'MeasuresInserted', data: { index: 0, measures: [] } },
      { type: 'SetVolta', data: { fromMeasureId: M1, toMeasureId: M2 } },
      { type: 'SetBarline', data: { fromMeasureId: M1 } },
      { type: 'Whatever', data: {} },
      { type: 'Whatever', data: null },
    ]) {
      expect(scopesOf(message)).toEqual([{ kind: 'score' }]);
    }
  });

  it('should give score info its own scope', () => {
    expect(scopesOf({ type: 'UpdateScoreInfo', data: { title: 'x' } })).toEqual([{ kind: 'info' }]);
  });
});

describe('scopesOverlap', () => {
  const region: Scope = { kind: 'region', partId: P1, measureId: M1 };
  const cases: [string, Scope, Scope, boolean][] = [
    ['a region overlaps itself', region, { ...region }, true],
    ['a region does not overlap the same measure of another part', region, { kind: 'region', partId: P2, measureId: M1 }, false],
    ['a region does not overlap another measure of its part', region, { kind: 'region', partId: P1, measureId: M2 }, false],
    ['a region overlaps its part', region, { kind: 'part', partId: P1 }, true],
    ['a region overlaps its measure', region, { kind: 'measure', measureId: M1 }, true],
    ['a region does not overlap another part', region, { kind: 'part', partId: P2 }, false],
    ['a part does not overlap a measure', { kind: 'part', partId: P1 }, { kind: 'measure', measureId: M1 }, false],
    ['the score overlaps everything', { kind: 'score' }, { kind: 'info' }, true],
    ['info overlaps info', { kind: 'info' }, { kind: 'info' }, true],
    ['info does not overlap a region', { kind: 'info' }, region, false],
  ];
  it.each(cases)('%s', (_, a, b, expected) => {
    expect(scopesOverlap(a, b)).toBe(expected);
    expect(scopesOverlap(b, a)).toBe(expected);
  });
});

describe('commandsUntouchedBy', () => {
  it('should accept a stale command when the events since touched other parts only', () => {
    expect(commandsUntouchedBy([writeNote(P1, M1)], [noteWritten(P2, M1), noteWritten(P1, M2)])).toBe(true);
  });

  it('should refuse a stale command when an event since touched its region', () => {
    expect(commandsUntouchedBy([writeNote(P1, M1)], [noteWritten(P2, M1), noteWritten(P1, M1)])).toBe(false);
  });

  it('should refuse a stale batch when any of its commands was touched', () => {
    expect(commandsUntouchedBy([writeNote(P2, M2), writeNote(P1, M1)], [noteWritten(P1, M1)])).toBe(false);
  });

  it('should accept when nothing happened since', () => {
    expect(commandsUntouchedBy([writeNote(P1, M1)], [])).toBe(true);
  });
});
