import { appendFingerprint } from './fingerprint';
import { prepareAppend } from './prepare-append';

describe('prepareAppend', () => {
  const options = { expectedVersion: 'any' as const, commandId: 'c1', actor: { id: 'u1', kind: 'user' as const } };

  it('should fingerprint the data as it was serialised, even when the caller changes it afterwards', () => {
    const data = { pitch: 'C4', n: 1 };
    const append = prepareAppend('s', [{ type: 'NoteAdded', data }], options);

    data.pitch = 'D4';

    expect(append.events[0].json).toBe('{"pitch":"C4","n":1}');
    expect(append.fingerprint).toBe(appendFingerprint('s', [{ type: 'NoteAdded', schemaVersion: 1, json: '{"n":1,"pitch":"C4"}' }]));
  });
});
