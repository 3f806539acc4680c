import { prepareAppend } from './prepare-append';
import { stampMetadata } from './stored-events';

describe('stampMetadata', () => {
  const actor = { id: 'u1', kind: 'user' as const };
  const append = (clientId?: string) =>
    prepareAppend('s', [{ type: 'NoteAdded', data: {} }], { expectedVersion: 'any', commandId: 'c1', actor, clientId });

  it('should stamp the server time on a copy of the metadata, in the order it is stored', () => {
    const prepared = append('tab-1');

    const metadata = stampMetadata(prepared, new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)));

    expect(JSON.stringify(metadata)).toBe(
      '{"commandId":"c1","correlationId":"c1","causationId":"c1","actor":{"id":"u1","kind":"user"},' +
        '"clientId":"tab-1","recordedAt":"2026-01-02T03:04:05.006Z"}',
    );
    expect(metadata.actor).not.toBe(prepared.metadata.actor);
  });

  it('should give each moment its own time, whatever the order the moments come in', () => {
    const times = [5, 5, 7, 5].map((ms) => stampMetadata(append(), new Date(ms)).recordedAt);

    expect(times).toEqual(['1970-01-01T00:00:00.005Z', '1970-01-01T00:00:00.005Z', '1970-01-01T00:00:00.007Z', '1970-01-01T00:00:00.005Z']);
    expect(stampMetadata(append(), new Date(5))).not.toHaveProperty('clientId');
  });

  it('should refuse a clock that gives an invalid date', () => {
    expect(() => stampMetadata(append(), new Date(Number.NaN))).toThrow(RangeError);
  });
});
