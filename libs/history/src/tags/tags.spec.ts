import { decideTags, evolveTags, listTags, type TagCommand, type TagEvent, type TagsState } from './tags';

const replay = (events: TagEvent[]): TagsState => events.reduce<TagsState>((s, e) => evolveTags(s, e, { actorId: 'ann', at: 't' }), new Map());
const tagged = (tagId: string, name: string, version: number): TagEvent => ({ type: 'VersionTagged', data: { tagId, name, version } });

function given(events: TagEvent[]) {
  return {
    when: (command: TagCommand) => ({
      then: (expected: TagEvent[]) => expect(decideTags(command, replay(events))).toEqual(expected),
      thenThrows: (code: string) => expect(() => decideTags(command, replay(events))).toThrow(expect.objectContaining({ code })),
    }),
  };
}

describe('named versions', () => {
  it('should tag a version with a trimmed name', () => {
    given([]).when({ type: 'TagVersion', data: { tagId: 't1', name: '  Sent to print ', version: 3, headVersion: 5 } }).then([tagged('t1', 'Sent to print', 3)]);
  });

  it('should refuse a version the score does not have yet, or below 1', () => {
    given([]).when({ type: 'TagVersion', data: { tagId: 't1', name: 'x', version: 6, headVersion: 5 } }).thenThrows('SCORE_VERSION_NOT_FOUND');
    given([]).when({ type: 'TagVersion', data: { tagId: 't1', name: 'x', version: 0, headVersion: 5 } }).thenThrows('SCORE_VERSION_NOT_FOUND');
  });

  it('should refuse an empty or too long name, a name taken ignoring case, and a reused tag id', () => {
    given([]).when({ type: 'TagVersion', data: { tagId: 't1', name: '  ', version: 1, headVersion: 1 } }).thenThrows('TAG_NAME_INVALID');
    given([]).when({ type: 'TagVersion', data: { tagId: 't1', name: 'x'.repeat(81), version: 1, headVersion: 1 } }).thenThrows('TAG_NAME_INVALID');
    given([tagged('t1', 'Final', 1)]).when({ type: 'TagVersion', data: { tagId: 't2', name: 'FINAL', version: 1, headVersion: 1 } }).thenThrows('TAG_NAME_TAKEN');
    given([tagged('t1', 'Final', 1)]).when({ type: 'TagVersion', data: { tagId: 't1', name: 'Other', version: 1, headVersion: 1 } }).thenThrows('TAG_ID_TAKEN');
  });

  it('should rename a tag, recording the old name, and do nothing for the same name', () => {
    given([tagged('t1', 'Draft', 1)]).when({ type: 'RenameTag', data: { tagId: 't1', name: 'Final' } }).then([{ type: 'VersionTagRenamed', data: { tagId: 't1', from: 'Draft', to: 'Final' } }]);
    given([tagged('t1', 'Draft', 1)]).when({ type: 'RenameTag', data: { tagId: 't1', name: 'Draft ' } }).then([]);
    given([tagged('t1', 'Draft', 1), tagged('t2', 'Final', 2)]).when({ type: 'RenameTag', data: { tagId: 't1', name: 'final' } }).thenThrows('TAG_NAME_TAKEN');
  });

  it('should remove a tag, recording what it named, and refuse unknown tags', () => {
    given([tagged('t1', 'Draft', 4)]).when({ type: 'RemoveTag', data: { tagId: 't1' } }).then([{ type: 'VersionTagRemoved', data: { tagId: 't1', name: 'Draft', version: 4 } }]);
    given([]).when({ type: 'RemoveTag', data: { tagId: 'nope' } }).thenThrows('TAG_NOT_FOUND');
    given([]).when({ type: 'RenameTag', data: { tagId: 'nope', name: 'x' } }).thenThrows('TAG_NOT_FOUND');
  });

  it('should list the tags by version with who made them, after renames and removals', () => {
    const state = replay([
      tagged('a', 'Late', 9),
      tagged('b', 'Early', 2),
      tagged('c', 'Gone', 5),
      { type: 'VersionTagRenamed', data: { tagId: 'b', from: 'Early', to: 'First' } },
      { type: 'VersionTagRemoved', data: { tagId: 'c', name: 'Gone', version: 5 } },
    ]);
    expect(listTags(state)).toEqual([
      { tagId: 'b', name: 'First', version: 2, createdBy: 'ann', createdAt: 't' },
      { tagId: 'a', name: 'Late', version: 9, createdBy: 'ann', createdAt: 't' },
    ]);
  });

  it('should refuse an unknown command type', () => {
    expect(() => decideTags({ type: 'Nope' } as unknown as TagCommand, new Map())).toThrow(expect.objectContaining({ code: 'UNKNOWN_COMMAND' }));
  });
});
