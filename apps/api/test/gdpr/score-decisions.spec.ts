import { parseDecisions, requireDecided } from '../../src/gdpr/erase-me/score-decisions';

const codeOf = (work: () => unknown): unknown => {
  try {
    work();
  } catch (error) {
    return { code: (error as { code?: string }).code, details: (error as { details?: unknown }).details };
  }
  return 'no error';
};

describe('the decisions an erasure needs for each owned score', () => {
  it('should read transfers and deletes', () => {
    expect([...parseDecisions({ a: { action: 'delete' }, b: { action: 'transfer', to: 'u-bob' } })]).toEqual([
      ['a', { action: 'delete' }],
      ['b', { action: 'transfer', to: 'u-bob' }],
    ]);
  });

  it.each([
    ['an unknown action', { action: 'give-away' }],
    ['a transfer to nobody', { action: 'transfer' }],
    ['a transfer to an empty id', { action: 'transfer', to: '' }],
    ['a delete with extra fields', { action: 'delete', to: 'u-bob' }],
    ['a bare string', 'delete'],
    ['null', null],
  ])('should refuse %s with ERASE_DECISION_INVALID naming the score', (_, decision) => {
    expect(codeOf(() => parseDecisions({ s1: decision }))).toEqual({ code: 'ERASE_DECISION_INVALID', details: { scoreId: 's1' } });
  });

  it('should refuse with ERASE_SCORES_UNDECIDED naming every owned score left without a decision', () => {
    const decisions = parseDecisions({ s2: { action: 'delete' }, elsewhere: { action: 'delete' } });
    expect(codeOf(() => requireDecided(['s1', 's2', 's3'], decisions))).toEqual({ code: 'ERASE_SCORES_UNDECIDED', details: { missing: ['s1', 's3'] } });
    expect(codeOf(() => requireDecided(['s2'], decisions))).toBe('no error');
  });
});
