import { exportIdOf, normalizeRequest, type ExportRequest } from './export-request';

const base: ExportRequest = { scoreId: 's', version: 3, formats: ['pdf', 'midi'], parts: ['p1', 'p2'], concertPitch: false, pageSize: 'A4' };

describe('export ids', () => {
  it('should give the same id to the same request however its lists are ordered or repeated', () => {
    const same = { ...base, formats: ['midi', 'pdf', 'midi'] as ExportRequest['formats'], parts: ['p1', 'p2', 'p1'] };
    expect(exportIdOf(same)).toBe(exportIdOf(base));
    expect(exportIdOf(base)).toMatch(/^[0-9a-f]{40}$/);
  });

  it.each([
    ['another version', { version: 4 }],
    ['another format', { formats: ['pdf'] }],
    ['other parts', { parts: ['p2', 'p1'] }],
    ['the full score', { parts: 'score' }],
    ['concert pitch', { concertPitch: true }],
    ['another page size', { pageSize: 'Letter' }],
    ['another score', { scoreId: 't' }],
  ] as [string, Partial<ExportRequest>][])('should give %s another id', (_, change) => {
    expect(exportIdOf({ ...base, ...change })).not.toBe(exportIdOf(base));
  });

  it('should keep the formats in a fixed order and the parts in the order asked, without repeats', () => {
    expect(normalizeRequest({ ...base, formats: ['svg', 'musicxml', 'svg'], parts: ['b', 'a', 'b'] })).toEqual({ ...base, formats: ['musicxml', 'svg'], parts: ['b', 'a'] });
  });
});
