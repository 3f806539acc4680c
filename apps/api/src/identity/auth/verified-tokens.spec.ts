import { VerifiedTokens } from './verified-tokens';

const token = (claims: Record<string, unknown>, signature = 'sig') =>
  `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;

describe('VerifiedTokens', () => {
  const exp = 1_800_000_000;

  it('should answer a remembered token with its claims until it expires, then forget it', () => {
    const tokens = new VerifiedTokens();
    const t = token({ sub: 'user-1', sid: 'session-1', exp });
    expect(tokens.get(t, 0)).toBeUndefined();
    tokens.remember(t);
    expect(tokens.get(t, exp * 1000 - 1)).toMatchObject({ sub: 'user-1', sid: 'session-1' });
    expect(tokens.get(t, exp * 1000)).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('should match the exact text only: another signature is another token', () => {
    const tokens = new VerifiedTokens();
    tokens.remember(token({ sub: 'user-1', sid: 'session-1', exp }, 'good'));
    expect(tokens.get(token({ sub: 'user-1', sid: 'session-1', exp }, 'forged'), 0)).toBeUndefined();
  });

  it('should not keep a token without the claims a session check needs, nor one that is not a JWT', () => {
    const tokens = new VerifiedTokens();
    tokens.remember(token({ sub: 'user-1', exp }));
    tokens.remember(token({ sub: 'user-1', sid: 'session-1' }));
    tokens.remember('not-a-token');
    tokens.remember('a.%%%.b');
    expect(tokens.size).toBe(0);
  });

  it('should stay within its bound, dropping the oldest first', () => {
    const tokens = new VerifiedTokens(2);
    const [a, b, c] = ['a', 'b', 'c'].map((sid) => token({ sub: 'user-1', sid, exp }));
    tokens.remember(a);
    tokens.remember(b);
    tokens.remember(c);
    expect(tokens.size).toBe(2);
    expect(tokens.get(a, 0)).toBeUndefined();
    expect(tokens.get(c, 0)).toMatchObject({ sid: 'c' });
  });
});
