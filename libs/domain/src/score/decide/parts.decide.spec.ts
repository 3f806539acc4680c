import { getInstrument } from '../../instruments/instruments';

function instrument(id: string) {
  const found = getInstrument(id);
  if (found === undefined) throw new Error(`no instrument ${id}`);
  return found;
}
import type { ActiveScoreState, PartRemoved } from '../../index';
import { cmd, createScore, E, f, given, history, M, PART_1, PART_2, PIANO, pitch, quarter, writeNote } from '../../testing';

const flute = instrument('flute');
const twoParts = () =>
  history(cmd('AddPart', { partId: PART_2, instrumentId: 'flute' }));

describe('AddPart', () => {
  it('should add a part at the end, named after its instrument, with empty content', () => {
    given(history())
      .when(cmd('AddPart', { partId: PART_2, instrumentId: 'flute' }))
      .then([
        {
          type: 'PartAdded',
          data: { part: { id: PART_2, name: flute.name, abbreviation: flute.abbreviation, instrumentId: 'flute', staves: 1 }, index: 1, content: {} },
        },
      ]);
  });

  it('should add a part at a given index, with empty staves in every measure', () => {
    const state = given(history()).when(cmd('AddPart', { partId: PIANO, instrumentId: 'piano', index: 0, name: 'Piano' })).state() as ActiveScoreState;
    expect(state.parts.map((p) => p.id)).toEqual([PIANO, PART_1]);
    expect(state.measures.every((m) => m.content[PIANO].staves.length === 2)).toBe(true);
  });

  it.each([
    ['an id already used', { partId: PART_1, instrumentId: 'flute' }, 'IDS_MUST_BE_UNIQUE'],
    ['an id used by a measure', { partId: M[0], instrumentId: 'flute' }, 'IDS_MUST_BE_UNIQUE'],
    ['an index past the end', { partId: PART_2, instrumentId: 'flute', index: 2 }, 'INDEX_MUST_BE_IN_RANGE'],
    ['an unknown instrument', { partId: PART_2, instrumentId: 'kazoo' }, 'INSTRUMENT_MUST_BE_KNOWN'],
    ['an empty name', { partId: PART_2, instrumentId: 'flute', name: '' }, 'FIELD_MUST_BE_VALID'],
  ])('should reject %s', (_what, data, code) => {
    given(history()).when(cmd('AddPart', data)).thenThrows(code);
  });

  it('should reject adding a part to no score (SCORE_MUST_EXIST)', () => {
    given().when(cmd('AddPart', { partId: PART_2, instrumentId: 'flute' })).thenThrows('SCORE_MUST_EXIST');
  });
});

describe('RemovePart', () => {
  it('should carry the part, its index and all its non-empty content', () => {
    const before = history(cmd('AddPart', { partId: PART_2, instrumentId: 'flute', index: 0 }), writeNote(E[0], f(0), quarter, [pitch('A')], { measureId: M[2] }));
    const [event] = given(before).when(cmd('RemovePart', { partId: PART_1 })).events() as PartRemoved[];
    expect(event.type).toBe('PartRemoved');
    expect(event.data.index).toBe(1);
    expect(event.data.part.id).toBe(PART_1);
    expect(Object.keys(event.data.content)).toEqual([M[2]]);
    expect(event.data.content[M[2]].staves[0].voices[0][0]).toMatchObject({ kind: 'chord', id: E[0] });
  });

  it('should keep at least one part (SCORE_MUST_KEEP_AT_LEAST_ONE_PART)', () => {
    given(history()).when(cmd('RemovePart', { partId: PART_1 })).thenThrows('SCORE_MUST_KEEP_AT_LEAST_ONE_PART');
  });

  it('should reject an unknown part (REFERENCED_ELEMENT_MUST_EXIST)', () => {
    given(twoParts()).when(cmd('RemovePart', { partId: PIANO })).thenThrows('REFERENCED_ELEMENT_MUST_EXIST');
  });
});

describe('MovePart', () => {
  it('should move a part to a new index', () => {
    given(twoParts()).when(cmd('MovePart', { partId: PART_2, toIndex: 0 })).then([{ type: 'PartMoved', data: { partId: PART_2, fromIndex: 1, toIndex: 0 } }]);
  });

  it('should change nothing when the part is already there', () => {
    given(twoParts()).when(cmd('MovePart', { partId: PART_2, toIndex: 1 })).then([]);
  });

  it('should reject an index outside the part list (INDEX_MUST_BE_IN_RANGE)', () => {
    given(twoParts()).when(cmd('MovePart', { partId: PART_2, toIndex: 2 })).thenThrows('INDEX_MUST_BE_IN_RANGE');
    given(twoParts()).when(cmd('MovePart', { partId: PART_2, toIndex: 0.5 })).thenThrows('INDEX_MUST_BE_IN_RANGE');
  });
});

describe('RenamePart', () => {
  it('should rename a part, keeping the abbreviation unless given', () => {
    const trumpet = instrument('trumpet-bb');
    given(history())
      .when(cmd('RenamePart', { partId: PART_1, name: 'Solo trumpet' }))
      .then([
        {
          type: 'PartRenamed',
          data: { partId: PART_1, from: { name: trumpet.name, abbreviation: trumpet.abbreviation }, to: { name: 'Solo trumpet', abbreviation: trumpet.abbreviation } },
        },
      ]);
  });

  it('should change nothing when the names are the same', () => {
    const trumpet = instrument('trumpet-bb');
    given(history()).when(cmd('RenamePart', { partId: PART_1, name: trumpet.name, abbreviation: trumpet.abbreviation })).then([]);
  });

  it('should reject an empty name (FIELD_MUST_BE_VALID)', () => {
    given(history()).when(cmd('RenamePart', { partId: PART_1, name: ' ' })).thenThrows('FIELD_MUST_BE_VALID');
  });
});

describe('ChangeInstrument', () => {
  it('should change the instrument and take its names, keeping the notes (stored at concert pitch)', () => {
    const trumpet = instrument('trumpet-bb');
    const events = given(history(writeNote(E[0], f(0), quarter)))
      .when(cmd('ChangeInstrument', { partId: PART_1, instrumentId: 'flute' }))
      .then([
        {
          type: 'InstrumentChanged',
          data: {
            partId: PART_1,
            from: { instrumentId: 'trumpet-bb', name: trumpet.name, abbreviation: trumpet.abbreviation },
            to: { instrumentId: 'flute', name: flute.name, abbreviation: flute.abbreviation },
          },
        },
      ]);
    expect(events).toHaveLength(1);
  });

  it('should change nothing for the same instrument and names', () => {
    given(history()).when(cmd('ChangeInstrument', { partId: PART_1, instrumentId: 'trumpet-bb' })).then([]);
  });

  it('should keep the staff count (STAFF_COUNT_MUST_MATCH_INSTRUMENT)', () => {
    given(history()).when(cmd('ChangeInstrument', { partId: PART_1, instrumentId: 'piano' })).thenThrows('STAFF_COUNT_MUST_MATCH_INSTRUMENT');
  });

  it('should reject an unknown instrument (INSTRUMENT_MUST_BE_KNOWN)', () => {
    given(history()).when(cmd('ChangeInstrument', { partId: PART_1, instrumentId: 'kazoo' })).thenThrows('INSTRUMENT_MUST_BE_KNOWN');
  });

  it('should be refused before the score exists (SCORE_MUST_EXIST)', () => {
    given().when(cmd('ChangeInstrument', { partId: PART_1, instrumentId: 'flute' })).thenThrows('SCORE_MUST_EXIST');
    expect(createScore().type).toBe('CreateScore');
  });
});
