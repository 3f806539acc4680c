import { loadIdentityConfig } from '../../src/identity/identity.config';
import { sameHash, sha256, splitToken } from '../../src/identity/secrets';

describe('the identity configuration', () => {
  it('should read the token lifetimes from the environment, falling back on 15 minutes and 7 days', () => {
    expect(loadIdentityConfig({ JWT_ACCESS_TTL_SECONDS: '2', JWT_REFRESH_TTL_SECONDS: '60' }, 's')).toEqual({ jwtSecret: 's', accessTtlSeconds: 2, refreshTtlSeconds: 60 });
    expect(loadIdentityConfig({ JWT_ACCESS_TTL_SECONDS: 'soon' }, 's')).toMatchObject({ accessTtlSeconds: 900, refreshTtlSeconds: 604800 });
  });

  it('should make up a random secret per process rather than use a default one', () => {
    const [a, b] = [loadIdentityConfig({}, undefined), loadIdentityConfig({}, undefined)];
    expect(a.jwtSecret).toHaveLength(43);
    expect(a.jwtSecret).not.toBe(b.jwtSecret);
  });
});

describe('token secrets', () => {
  it('should split `<id>.<secret>` tokens and refuse other shapes', () => {
    expect(splitToken('k1.s.e.c')).toEqual({ id: 'k1', secret: 's.e.c' });
    expect([splitToken('nodot'), splitToken('.secret'), splitToken('id.')]).toEqual([null, null, null]);
  });

  it('should compare hashes in constant time, whatever their lengths', () => {
    expect(sameHash(sha256('a'), sha256('a'))).toBe(true);
    expect(sameHash(sha256('a'), sha256('b'))).toBe(false);
    expect(sameHash('short', sha256('a'))).toBe(false);
  });
});
