import { randomUUID } from 'node:crypto';
import { call } from './http';

export const TEST_PASSWORD = 'correct horse battery';

export interface User {
  userId: string;
  email: string;
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token lives. */
  expiresIn: number;
}

/**
 * A new account, signed in the way a client does it: register, then log in with the password. The email is
 * unique per call, so specs sharing one app never collide. `headers` lets a spec pick the caller's address
 * (X-Forwarded-For behind TRUST_PROXY) for the anonymous rate limit.
 */
export async function signIn(baseUrl: string, name: string, headers: Record<string, string> = {}): Promise<User> {
  const email = `${name}-${randomUUID().slice(0, 8)}@example.com`;
  const registered = await call(baseUrl, 'POST', '/api/v1/auth/register', { body: { email, displayName: name, password: TEST_PASSWORD }, headers });
  if (registered.status !== 201) throw new Error(`register ${name}: ${registered.status} ${JSON.stringify(registered.body)}`);
  const login = await call(baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password: TEST_PASSWORD }, headers });
  if (login.status !== 200) throw new Error(`login ${name}: ${login.status} ${JSON.stringify(login.body)}`);
  const { accessToken, refreshToken, expiresIn } = login.body;
  return { userId: registered.body.userId, email, accessToken, refreshToken, expiresIn };
}
