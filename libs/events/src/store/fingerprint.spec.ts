import fc from 'fast-check';
import { appendFingerprint, canonicalDataJson, canonicalJson } from './fingerprint';

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

describe('canonicalDataJson', () => {
  const viaParse = (data: unknown) => canonicalJson(JSON.parse(JSON.stringify(data)));
  const keys = fc.oneof(fc.string(), fc.constantFrom('0', '2', '10', '-1', 'a', 'B', '__proto__', 'toJSON', 'é'));
  const value = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      fc.oneof(fc.string(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.constant(undefined)),
      fc.array(tie('node'), { maxLength: 4 }),
      fc.dictionary(keys, tie('node'), { maxKeys: 6 }),
    ),
  })).node;

  it('should give the text canonicalJson gives for the parsed JSON, for any data', () => {
    fc.assert(fc.property(value, (data) => {
      fc.pre(data !== undefined);
      expect(canonicalDataJson(data)).toBe(viaParse(data));
    }));
  });

  it('should serialise what JSON.stringify would store: toJSON results, no undefined members', () => {
    const data = { when: new Date(0), skipped: undefined, nested: { toJSON: () => ({ z: 1, a: 2 }) }, b: [undefined] };

    expect(canonicalDataJson(data)).toBe('{"b":[null],"nested":{"a":2,"z":1},"when":"1970-01-01T00:00:00.000Z"}');
    expect(canonicalDataJson(data)).toBe(viaParse(data));
  });

  it('should sort integer-like keys as text, like canonicalJson', () => {
    expect(canonicalDataJson({ b: { 10: 'x', 9: 'y' }, a: 1 })).toBe('{"a":1,"b":{"10":"x","9":"y"}}');
  });

  it('should let appendFingerprint hash the data and the JSON text alike', () => {
    const data = { b: { y: 1, x: [2, { d: 1, c: 0 }] }, a: 'text' };
    const json = JSON.stringify(data);

    expect(appendFingerprint('s', [{ type: 'T', schemaVersion: 1, json, data }])).toBe(
      appendFingerprint('s', [{ type: 'T', schemaVersion: 1, json }]),
    );
  });
});
