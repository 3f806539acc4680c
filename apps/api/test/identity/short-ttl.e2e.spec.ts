import { call, register, startApp, type RunningApp } from './support/harness';

jest.setTimeout(60_000);

let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ JWT_ACCESS_TTL_SECONDS: '3' });
}, 120_000);
afterAll(() => app?.stop());

describe('access tokens with a short lifetime (JWT_ACCESS_TTL_SECONDS)', () => {
  it('should refuse an access token once it expired, and let its refresh token get a fresh one', async () => {
    const kay = await register(app, 'kay');
    expect(kay).toMatchObject({ expiresIn: 3 });
    await new Promise((resolve) => setTimeout(resolve, 4100));
    expect(await call(app, 'GET', '/api/v1/auth/me', { token: kay.accessToken })).toMatchObject({ status: 401, body: { code: 'TOKEN_EXPIRED' } });
    // A whole-second TTL of 3 leaves the fresh token at least 2 s, far more than the next call takes.
    const renewed = await call(app, 'POST', '/api/v1/auth/refresh', { body: { refreshToken: kay.refreshToken } });
    expect((await call(app, 'GET', '/api/v1/auth/me', { token: String(renewed.body['accessToken']) })).status).toBe(200);
  });
});
