import { isScoreCommand, SCORE_COMMAND_TYPES } from '../../index';

describe('SCORE_COMMAND_TYPES', () => {
  it('should list every command type once, all imperative, and recognise them', () => {
    expect(SCORE_COMMAND_TYPES).toHaveLength(39);
    expect(new Set(SCORE_COMMAND_TYPES).size).toBe(SCORE_COMMAND_TYPES.length);
    expect(SCORE_COMMAND_TYPES.every((type) => isScoreCommand({ type }))).toBe(true);
    expect(SCORE_COMMAND_TYPES.filter((t) => t.endsWith('ed'))).toEqual([]);
    expect(isScoreCommand({ type: 'NoteWritten' })).toBe(false);
  });
});
