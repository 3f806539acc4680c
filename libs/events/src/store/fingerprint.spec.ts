import { appendFingerprint, canonicalJson } from './fingerprint';

describe('appendFingerprint', () => {
  const event = (json: string, type = 'T', schemaVersion = 1) => ({ type, schemaVersion, json });

  it('should ignore the order of object keys at every depth', () => {
    expect(canonicalJson({ b: [{ y: 1, x: 2 }], a: null })).toBe('{"a":null,"b":[{"x":2,"y":1}]}');
    expect(appendFingerprint('s', [event('{"a":1,"b":{"c":[1,2]}}')])).toBe(
      appendFingerprint('s', [event('{"b":{"c":[1,2]},"a":1}')]),
    );
  });

  it.each([
    ['the stream', appendFingerprint('t', [event('{}')])],
    ['the type', appendFingerprint('s', [event('{}', 'U')])],
    ['the schema version', appendFingerprint('s', [event('{}', 'T', 2)])],
    ['the data', appendFingerprint('s', [event('{"a":1}')])],
    ['the order of array items', appendFingerprint('s', [event('[2,1]')])],
    ['the number of events', appendFingerprint('s', [event('{}'), event('{}')])],
  ])('should change with %s', (_, other) => {
    const base = [appendFingerprint('s', [event('{}')]), appendFingerprint('s', [event('[1,2]')])];
    expect(base).not.toContain(other);
  });

  it('should not let one field run into the next', () => {
    expect(appendFingerprint('ab', [event('{}', 'c')])).not.toBe(appendFingerprint('a', [event('{}', 'bc')]));
  });
});
