import { cmd, E, f, given, history, M, PART_1, pitch, quarter, writeNote } from '../../testing';

const staff = { partId: PART_1, staff: 1 as const, measureId: M[0] };
const C7 = { root: { step: 'C' as const, alter: 0 as const }, kind: 'dominant' as const };
const Bb = { root: { step: 'B' as const, alter: -1 as const }, kind: 'major' as const };

describe('SetDynamic / RemoveDynamic', () => {
  it('should add a dynamic at an offset', () => {
    given(history()).when(cmd('SetDynamic', { ...staff, offset: f(1, 4), dynamicId: E[0], value: 'mf' })).then([
      { type: 'DynamicAdded', data: { ...staff, dynamic: { id: E[0], offset: f(1, 4), value: 'mf' } } },
    ]);
  });

  it('should replace the dynamic already at that offset, keeping its id', () => {
    const before = history(cmd('SetDynamic', { ...staff, offset: f(0), dynamicId: E[0], value: 'p' }));
    given(before).when(cmd('SetDynamic', { ...staff, offset: f(0), dynamicId: E[1], value: 'ff' })).then([
      { type: 'DynamicChanged', data: { ...staff, dynamicId: E[0], from: 'p', to: 'ff' } },
    ]);
    given(before).when(cmd('SetDynamic', { ...staff, offset: f(0), dynamicId: E[1], value: 'p' })).then([]);
  });

  it('should remove a dynamic, recording it', () => {
    const before = history(cmd('SetDynamic', { ...staff, offset: f(0), dynamicId: E[0], value: 'sfz' }));
    given(before).when(cmd('RemoveDynamic', { ...staff, dynamicId: E[0] })).then([
      { type: 'DynamicRemoved', data: { ...staff, dynamic: { id: E[0], offset: f(0), value: 'sfz' } } },
    ]);
  });

  it.each([
    ['an offset at the barline', { offset: f(1), value: 'p' }, 'OFFSET_MUST_BE_WITHIN_MEASURE'],
    ['an unknown dynamic', { offset: f(0), value: 'mezzo' }, 'FIELD_MUST_BE_VALID'],
  ])('should reject %s', (_what, data, code) => {
    given(history()).when(cmd('SetDynamic', { ...staff, dynamicId: E[0], ...(data as { offset: never; value: never }) })).thenThrows(code);
  });

  it('should reject an unknown dynamic id on removal (REFERENCED_ELEMENT_MUST_EXIST)', () => {
    given(history()).when(cmd('RemoveDynamic', { ...staff, dynamicId: E[0] })).thenThrows('REFERENCED_ELEMENT_MUST_EXIST');
  });
});

describe('AddHairpin / RemoveHairpin', () => {
  const hairpin = { id: E[0], kind: 'crescendo' as const, offset: f(1, 2), end: { measureId: M[1], offset: f(1) } };

  it('should add a hairpin that may end at the end of a later measure, and remove it', () => {
    given(history()).when(cmd('AddHairpin', { ...staff, offset: f(1, 2), hairpinId: E[0], kind: 'crescendo', end: hairpin.end })).then([
      { type: 'HairpinAdded', data: { ...staff, hairpin } },
    ]);
    const before = history(cmd('AddHairpin', { ...staff, offset: f(1, 2), hairpinId: E[0], kind: 'crescendo', end: hairpin.end }));
    given(before).when(cmd('RemoveHairpin', { ...staff, hairpinId: E[0] })).then([{ type: 'HairpinRemoved', data: { ...staff, hairpin } }]);
  });

  it.each([
    ['an end before its start', M[0], { measureId: M[0], offset: f(1, 4) }, 'SPANNER_MUST_END_AFTER_START'],
    ['an end at its start', M[0], { measureId: M[0], offset: f(1, 2) }, 'SPANNER_MUST_END_AFTER_START'],
    ['an end in an earlier measure', M[1], { measureId: M[0], offset: f(1) }, 'SPANNER_MUST_END_AFTER_START'],
    ['an end past the barline', M[0], { measureId: M[2], offset: f(5, 4) }, 'OFFSET_MUST_BE_WITHIN_MEASURE'],
    ['an end in an unknown measure', M[0], { measureId: M[9], offset: f(1) }, 'REFERENCED_ELEMENT_MUST_EXIST'],
  ])('should reject %s', (_what, measureId, end, code) => {
    given(history()).when(cmd('AddHairpin', { ...staff, measureId, offset: f(1, 2), hairpinId: E[0], kind: 'diminuendo', end })).thenThrows(code);
  });

  it('should reject an unknown kind (FIELD_MUST_BE_VALID)', () => {
    given(history()).when(cmd('AddHairpin', { ...staff, offset: f(0), hairpinId: E[0], kind: 'swell' as never, end: { measureId: M[1], offset: f(1) } })).thenThrows('FIELD_MUST_BE_VALID');
  });

  it('should reject an id in use (IDS_MUST_BE_UNIQUE) and an unknown hairpin (REFERENCED_ELEMENT_MUST_EXIST)', () => {
    const before = history(writeNote(E[0], f(0), quarter));
    given(before).when(cmd('AddHairpin', { ...staff, offset: f(0), hairpinId: E[0], kind: 'crescendo', end: { measureId: M[1], offset: f(1) } })).thenThrows('IDS_MUST_BE_UNIQUE');
    given(before).when(cmd('RemoveHairpin', { ...staff, hairpinId: E[5] })).thenThrows('REFERENCED_ELEMENT_MUST_EXIST');
  });
});

describe('AddSlur / RemoveSlur', () => {
  const notes = () => history(writeNote(E[0], f(0), quarter), writeNote(E[1], f(1, 2), quarter, [pitch('G')], { measureId: M[1] }));
  const slur = { id: E[5], voice: 1 as const, offset: f(0), end: { measureId: M[1], offset: f(1, 2) } };

  it('should join two notes of a voice, across barlines, and remove the slur', () => {
    given(notes()).when(cmd('AddSlur', { ...staff, voice: 1, offset: f(0), slurId: E[5], end: slur.end })).then([{ type: 'SlurAdded', data: { ...staff, slur } }]);
    const before = history(writeNote(E[0], f(0), quarter), writeNote(E[1], f(1, 2), quarter, [pitch('G')], { measureId: M[1] }), cmd('AddSlur', { ...staff, voice: 1, offset: f(0), slurId: E[5], end: slur.end }));
    given(before).when(cmd('RemoveSlur', { ...staff, slurId: E[5] })).then([{ type: 'SlurRemoved', data: { ...staff, slur } }]);
  });

  it('should refuse a slur that starts or ends on a rest or between notes (SLUR_MUST_JOIN_NOTES)', () => {
    given(notes()).when(cmd('AddSlur', { ...staff, voice: 1, offset: f(1, 4), slurId: E[5], end: slur.end })).thenThrows('SLUR_MUST_JOIN_NOTES');
    given(notes()).when(cmd('AddSlur', { ...staff, voice: 1, offset: f(0), slurId: E[5], end: { measureId: M[1], offset: f(5, 8) } })).thenThrows('SLUR_MUST_JOIN_NOTES');
    given(notes()).when(cmd('AddSlur', { ...staff, voice: 2, offset: f(0), slurId: E[5], end: slur.end })).thenThrows('SLUR_MUST_JOIN_NOTES');
  });

  it('should refuse a slur that ends where it starts (SPANNER_MUST_END_AFTER_START), in voice 7 (VOICE_MUST_BE_ONE_TO_FOUR)', () => {
    given(notes()).when(cmd('AddSlur', { ...staff, voice: 1, offset: f(0), slurId: E[5], end: { measureId: M[0], offset: f(0) } })).thenThrows('SPANNER_MUST_END_AFTER_START');
    given(notes()).when(cmd('AddSlur', { ...staff, voice: 7, offset: f(0), slurId: E[5], end: slur.end })).thenThrows('VOICE_MUST_BE_ONE_TO_FOUR');
  });
});

describe('SetChordSymbol / RemoveChordSymbol', () => {
  const where = { partId: PART_1, measureId: M[0] };

  it('should add a chord symbol at a beat, replace it in place, and remove it', () => {
    given(history()).when(cmd('SetChordSymbol', { ...where, offset: f(1, 2), chordSymbolId: E[0], symbol: C7 })).then([
      { type: 'ChordSymbolAdded', data: { ...where, chordSymbol: { id: E[0], offset: f(1, 2), symbol: C7 } } },
    ]);
    const before = history(cmd('SetChordSymbol', { ...where, offset: f(1, 2), chordSymbolId: E[0], symbol: C7 }));
    given(before).when(cmd('SetChordSymbol', { ...where, offset: f(1, 2), chordSymbolId: E[1], symbol: Bb })).then([
      { type: 'ChordSymbolChanged', data: { ...where, chordSymbolId: E[0], from: C7, to: Bb } },
    ]);
    given(before).when(cmd('SetChordSymbol', { ...where, offset: f(1, 2), chordSymbolId: E[1], symbol: { ...C7 } })).then([]);
    given(before).when(cmd('RemoveChordSymbol', { ...where, chordSymbolId: E[0] })).then([
      { type: 'ChordSymbolRemoved', data: { ...where, chordSymbol: { id: E[0], offset: f(1, 2), symbol: C7 } } },
    ]);
  });

  it('should keep a bass note and a printed text', () => {
    const symbol = { ...C7, bass: { step: 'E' as const, alter: 0 as const }, text: '7' };
    const [event] = given(history()).when(cmd('SetChordSymbol', { ...where, offset: f(0), chordSymbolId: E[0], symbol })).events();
    expect(event.data).toMatchObject({ chordSymbol: { symbol } });
  });

  it.each([
    ['an unknown kind', { ...C7, kind: 'jazzy' }],
    ['a root of H', { ...C7, root: { step: 'H', alter: 0 } }],
    ['a bass with a triple flat', { ...C7, bass: { step: 'E', alter: -3 } }],
    ['a numeric text', { ...C7, text: 7 }],
  ])('should reject %s (CHORD_SYMBOL_MUST_BE_VALID)', (_what, symbol) => {
    given(history()).when(cmd('SetChordSymbol', { ...where, offset: f(0), chordSymbolId: E[0], symbol: symbol as never })).thenThrows('CHORD_SYMBOL_MUST_BE_VALID');
  });

  it('should reject an unknown chord symbol on removal and an unknown part (REFERENCED_ELEMENT_MUST_EXIST)', () => {
    given(history()).when(cmd('RemoveChordSymbol', { ...where, chordSymbolId: E[0] })).thenThrows('REFERENCED_ELEMENT_MUST_EXIST');
    given(history()).when(cmd('SetChordSymbol', { ...where, partId: M[9], offset: f(0), chordSymbolId: E[0], symbol: C7 })).thenThrows('REFERENCED_ELEMENT_MUST_EXIST');
  });
});

describe('AddTextExpression / RemoveTextExpression', () => {
  it('should add a text expression and remove it', () => {
    const text = { id: E[0], offset: f(0), text: 'dolce' };
    given(history()).when(cmd('AddTextExpression', { ...staff, offset: f(0), textId: E[0], text: 'dolce' })).then([{ type: 'TextExpressionAdded', data: { ...staff, text } }]);
    const before = history(cmd('AddTextExpression', { ...staff, offset: f(0), textId: E[0], text: 'dolce' }));
    given(before).when(cmd('RemoveTextExpression', { ...staff, textId: E[0] })).then([{ type: 'TextExpressionRemoved', data: { ...staff, text } }]);
  });

  it('should reject an empty text (FIELD_MUST_BE_VALID) and an unknown text on removal (REFERENCED_ELEMENT_MUST_EXIST)', () => {
    given(history()).when(cmd('AddTextExpression', { ...staff, offset: f(0), textId: E[0], text: '' })).thenThrows('FIELD_MUST_BE_VALID');
    given(history()).when(cmd('RemoveTextExpression', { ...staff, textId: E[0] })).thenThrows('REFERENCED_ELEMENT_MUST_EXIST');
  });
});
