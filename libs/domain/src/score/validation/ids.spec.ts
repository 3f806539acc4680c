import { generatedIds, isClientId, isElementId, requireClientId } from './ids';

describe('element ids', () => {
  it.each([
    ['a UUIDv7', '01890a5d-ac96-774b-bcce-b302099a8057', true, true],
    ['a ULID', '01ARZ3NDEKTSV4RRFFQ69G5FAV', true, true],
    ['a lower-case ULID', '01arz3ndektsv4rrffq69g5fav', true, true],
    ['a generated rest id', '01ARZ3NDEKTSV4RRFFQ69G5FAV:3', false, true],
    ['a ULID with an I', '01ARZ3NDEKTSV4RRFFQ69G5FAI', false, false],
    ['a ULID past the year 10889', '81ARZ3NDEKTSV4RRFFQ69G5FAV', false, false],
    ['a short id', 'note-1', false, false],
    ['a generated id of a bad seed', 'note-1:1', false, false],
    ['a generated id numbered 0', '01ARZ3NDEKTSV4RRFFQ69G5FAV:0', false, false],
    ['a number', 42, false, false],
  ])('should judge %s', (_what, id, client, element) => {
    expect(isClientId(id)).toBe(client);
    expect(isElementId(id)).toBe(element);
  });

  it('should name the field of a malformed id (ID_MUST_BE_WELL_FORMED)', () => {
    expect(() => requireClientId('entryId', 'x')).toThrow(expect.objectContaining({ code: 'ID_MUST_BE_WELL_FORMED', details: { field: 'entryId', id: 'x' } }));
  });

  it('should number the ids a command generates from its seed', () => {
    const next = generatedIds('S');
    expect([next(), next()]).toEqual(['S:1', 'S:2']);
  });
});
