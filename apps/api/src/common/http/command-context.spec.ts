import { baseVersionFrom, commandIdFor, requireActor } from './command-context';

const actor = { id: 'user-1', kind: 'user' as const };

describe('command context', () => {
  it('should scope an idempotency key to the actor', () => {
    expect(commandIdFor(actor, 'key-0001')).toBe('user:user-1:key-0001');
    expect(commandIdFor({ id: 'user-2', kind: 'user' }, 'key-0001')).not.toBe(commandIdFor(actor, 'key-0001'));
  });

  it('should make up a fresh command id when no key is sent', () => {
    expect(commandIdFor(actor, undefined)).not.toBe(commandIdFor(actor, undefined));
  });

  it('should refuse keys that are too short or hold odd characters', () => {
    expect(() => commandIdFor(actor, 'short')).toThrow(expect.objectContaining({ code: 'INVALID_IDEMPOTENCY_KEY', status: 400 }));
    expect(() => commandIdFor(actor, 'a key with spaces')).toThrow(expect.objectContaining({ code: 'INVALID_IDEMPOTENCY_KEY' }));
  });

  it('should read the base version from If-Match in its usual spellings', () => {
    expect(baseVersionFrom('"12"', undefined)).toBe(12);
    expect(baseVersionFrom('W/"7"', undefined)).toBe(7);
    expect(baseVersionFrom('3', 3)).toBe(3);
    expect(baseVersionFrom(undefined, 4)).toBe(4);
    expect(baseVersionFrom('*', undefined)).toBeUndefined();
  });

  it('should refuse an unreadable If-Match or one that disagrees with the body', () => {
    expect(() => baseVersionFrom('"abc"', undefined)).toThrow(expect.objectContaining({ code: 'INVALID_IF_MATCH' }));
    expect(() => baseVersionFrom('"2"', 3)).toThrow(expect.objectContaining({ code: 'VERSION_MISMATCH' }));
  });

  it('should demand an actor and keep only its id and kind', () => {
    expect(() => requireActor(undefined)).toThrow(expect.objectContaining({ status: 401, code: 'UNAUTHENTICATED' }));
    expect(requireActor({ ...actor, userId: 'user-1' } as never)).toEqual(actor);
  });
});
