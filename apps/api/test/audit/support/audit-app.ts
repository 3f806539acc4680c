import { call as request, type HttpResult } from '../../support/http';
import { TEST_PASSWORD } from '../../support/accounts';

export const ADMIN_EMAIL = 'audit-admin@example.com';
export const USER_AGENT = 'audit-e2e/1.0 (+https://bandpro.example)';

/** Calls as a browser would, with a user agent, and (behind TRUST_PROXY) a forwarded client address. */
export function as(baseUrl: string, token?: string, forwardedFor?: string) {
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) };
  return (method: string, path: string, body?: unknown): Promise<HttpResult> =>
    request(baseUrl, method, path, { user: token === undefined ? undefined : { accessToken: token }, body, headers });
}

export async function registerAndLogIn(baseUrl: string, email: string, forwardedFor?: string): Promise<{ userId: string; accessToken: string }> {
  const anonymous = as(baseUrl, undefined, forwardedFor);
  const registered = await anonymous('POST', '/api/v1/auth/register', { email, displayName: email.split('@')[0], password: TEST_PASSWORD });
  if (registered.status !== 201) throw new Error(`register ${email}: ${registered.status} ${JSON.stringify(registered.body)}`);
  const login = await anonymous('POST', '/api/v1/auth/login', { email, password: TEST_PASSWORD });
  if (login.status !== 200) throw new Error(`login ${email}: ${login.status}`);
  return { userId: registered.body.userId, accessToken: login.body.accessToken };
}
