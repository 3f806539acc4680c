import { JwtService } from '@nestjs/jwt';
import { call, createScoreAs, JWT_SECRET, register, startApp, type RunningApp } from './support/harness';

jest.setTimeout(60_000);

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
}, 120_000);
afterAll(() => app?.stop());

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const refresh = (refreshToken: string) => call(app, 'POST', '/api/v1/auth/refresh', { body: { refreshToken } });

describe('accounts and sessions over HTTP', () => {
  it('should register, log in and tell the user who they are', async () => {
    const ann = await register(app, 'ann');
    const me = await call(app, 'GET', '/api/v1/auth/me', { token: ann.accessToken });
    expect(me).toEqual({ status: 200, body: { userId: ann.userId, email: ann.email, displayName: 'ann' } });
    const login = await call(app, 'POST', '/api/v1/auth/login', { body: { email: ann.email.toUpperCase(), password: 'correct horse battery' } });
    expect(login.status).toBe(200);
    expect((await call(app, 'GET', '/api/v1/auth/me', { token: String(login.body['accessToken']) })).body['userId']).toBe(ann.userId);
  });

  it('should refuse a second account with the same email, in any case', async () => {
    const bob = await register(app, 'bob');
    const again = await call(app, 'POST', '/api/v1/auth/register', { body: { email: bob.email.toUpperCase(), displayName: 'B', password: 'another password' } });
    expect(again).toMatchObject({ status: 409, body: { code: 'EMAIL_TAKEN' } });
  });

  it('should give exactly one of two racing registrations the email', async () => {
    const body = { email: 'race@example.com', displayName: 'R', password: 'password racing' };
    const replies = await Promise.all([1, 2].map(() => call(app, 'POST', '/api/v1/auth/register', { body })));
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('should refuse wrong passwords and unknown emails alike', async () => {
    const cat = await register(app, 'cat');
    const wrong = await call(app, 'POST', '/api/v1/auth/login', { body: { email: cat.email, password: 'not the password' } });
    const unknown = await call(app, 'POST', '/api/v1/auth/login', { body: { email: 'nobody@example.com', password: 'whatever123' } });
    expect([wrong.status, wrong.body.code, unknown.status, unknown.body.code]).toEqual([401, 'INVALID_CREDENTIALS', 401, 'INVALID_CREDENTIALS']);
  });

  it('should change the password only with the current one', async () => {
    const ned = await register(app, 'ned');
    const change = (currentPassword: string) =>
      call(app, 'POST', '/api/v1/auth/password', { token: ned.accessToken, body: { currentPassword, newPassword: 'a brand new secret' } });
    expect((await change('wrong password')).body.code).toBe('INVALID_CREDENTIALS');
    expect((await change('correct horse battery')).status).toBe(204);
    const login = (password: string) => call(app, 'POST', '/api/v1/auth/login', { body: { email: ned.email, password } });
    expect([(await login('correct horse battery')).status, (await login('a brand new secret')).status]).toEqual([401, 200]);
  });

  it('should rotate refresh tokens, and revoke the whole family when a rotated token is reused', async () => {
    const dan = await register(app, 'dan');
    const first = await refresh(dan.refreshToken);
    expect(first.status).toBe(200);
    const second = await refresh(String(first.body['refreshToken']));
    expect(second.status).toBe(200);
    const reuse = await refresh(dan.refreshToken);
    expect(reuse).toMatchObject({ status: 401, body: { code: 'REFRESH_TOKEN_INVALID' } });
    const latest = await refresh(String(second.body['refreshToken']));
    expect(latest).toMatchObject({ status: 401, body: { code: 'REFRESH_TOKEN_INVALID' } });
    const stolen = await call(app, 'GET', '/api/v1/auth/me', { token: String(second.body['accessToken']) });
    expect(stolen).toMatchObject({ status: 401, body: { code: 'SESSION_REVOKED' } });
  });

  it('should let only one of two concurrent refreshes with the same token win', async () => {
    const eve = await register(app, 'eve');
    const replies = await Promise.all([refresh(eve.refreshToken), refresh(eve.refreshToken)]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('should end the session on logout', async () => {
    const fay = await register(app, 'fay');
    expect((await call(app, 'GET', '/api/v1/auth/me', { token: fay.accessToken })).status).toBe(200);
    expect((await call(app, 'POST', '/api/v1/auth/logout', { body: { refreshToken: fay.refreshToken } })).status).toBe(204);
    expect((await refresh(fay.refreshToken)).status).toBe(401);
    expect(await call(app, 'GET', '/api/v1/auth/me', { token: fay.accessToken })).toMatchObject({ status: 401, body: { code: 'SESSION_REVOKED' } });
    const forged = await call(app, 'POST', '/api/v1/auth/logout', { body: { refreshToken: `${fay.refreshToken.split('.')[0]}.0.forged` } });
    expect(forged.status).toBe(401);
  });

  it('should refuse malformed refresh tokens', async () => {
    for (const token of ['nonsense', 'a.b.c.d', 'x.-1.y', `${'f'.repeat(36)}.0.secret`]) {
      expect((await refresh(token)).body.code).toBe('REFRESH_TOKEN_INVALID');
    }
  });

  it('should refuse requests without credentials, with expired, tampered, foreign or unsigned access tokens', async () => {
    const gus = await register(app, 'gus');
    const me = (token?: string, headers?: Record<string, string>) => call(app, 'GET', '/api/v1/auth/me', { token, headers });
    const [header, payload] = gus.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(String(payload), 'base64url').toString()) as Record<string, unknown>;
    const expired = new JwtService({ secret: JWT_SECRET }).sign({ sub: gus.userId, sid: 'x', exp: Math.floor(Date.now() / 1000) - 10 });
    const foreign = new JwtService({ secret: 'some other secret of enough length' }).sign({ sub: gus.userId, sid: claims['sid'] });
    const sessionless = new JwtService({ secret: JWT_SECRET }).sign({ sub: gus.userId });
    const tampered = [header, base64url({ ...claims, sub: 'someone-else' }), gus.accessToken.split('.')[2]].join('.');
    const unsigned = [base64url({ alg: 'none', typ: 'JWT' }), payload, ''].join('.');
    expect((await me()).body.code).toBe('UNAUTHENTICATED');
    expect((await me(undefined, { authorization: 'Basic abc' })).body.code).toBe('UNAUTHENTICATED');
    expect((await me(expired)).body).toMatchObject({ code: 'TOKEN_EXPIRED' });
    for (const token of [foreign, tampered, unsigned, sessionless, 'garbage']) {
      expect(await me(token)).toMatchObject({ status: 401, body: { code: 'TOKEN_INVALID' } });
    }
  });
});

describe('API keys over HTTP', () => {
  it('should show the secret once, list keys without it, and act for the owner', async () => {
    const hal = await register(app, 'hal');
    const created = await call(app, 'POST', '/api/v1/api-keys', { token: hal.accessToken, body: { name: 'ci', scope: 'read' } });
    expect(created).toMatchObject({ status: 201, body: { name: 'ci', scope: 'read', revokedAt: null } });
    const list = await call(app, 'GET', '/api/v1/api-keys', { token: hal.accessToken });
    expect(JSON.stringify(list.body)).not.toContain(String(created.body['key']).split('.')[1]);
    expect(list.body).toEqual([expect.objectContaining({ keyId: created.body['keyId'] })]);
    const me = await call(app, 'GET', '/api/v1/auth/me', { apiKey: String(created.body['key']) });
    expect(me.body['userId']).toBe(hal.userId);
    const viaHeader = await call(app, 'GET', '/api/v1/auth/me', { headers: { 'x-api-key': String(created.body['key']) } });
    expect(viaHeader.status).toBe(200);
    expect((await call(app, 'GET', '/api/v1/api-keys', { apiKey: String(created.body['key']) })).body.code).toBe('USER_SESSION_REQUIRED');
  });

  it('should let a read key only read and a write key also write', async () => {
    const ivy = await register(app, 'ivy');
    const scoreId = await createScoreAs(app, ivy.userId);
    const key = async (scope: string) =>
      String((await call(app, 'POST', '/api/v1/api-keys', { token: ivy.accessToken, body: { name: scope, scope } })).body['key']);
    const [read, write] = [await key('read'), await key('write')];
    const links = `/api/v1/scores/${scoreId}/access/share-links`;
    expect((await call(app, 'GET', `/api/v1/scores/${scoreId}/access`, { apiKey: read })).status).toBe(200);
    expect(await call(app, 'POST', links, { apiKey: read, body: {} })).toMatchObject({ status: 403, body: { code: 'API_KEY_SCOPE_INSUFFICIENT' } });
    expect((await call(app, 'POST', links, { apiKey: write, body: {} })).status).toBe(201);
  });

  it('should refuse revoked, forged and malformed keys', async () => {
    const jon = await register(app, 'jon');
    const created = await call(app, 'POST', '/api/v1/api-keys', { token: jon.accessToken, body: { name: 'x', scope: 'write' } });
    const key = String(created.body['key']);
    expect((await call(app, 'DELETE', `/api/v1/api-keys/${String(created.body['keyId'])}`, { token: jon.accessToken })).status).toBe(204);
    for (const presented of [key, `${key.split('.')[0]}.forged`, 'no-dot', `${jon.userId}.x`]) {
      expect(await call(app, 'GET', '/api/v1/auth/me', { apiKey: presented })).toMatchObject({ status: 401, body: { code: 'API_KEY_INVALID' } });
    }
    expect((await call(app, 'DELETE', `/api/v1/api-keys/${String(created.body['keyId'])}`, { token: jon.accessToken })).body.code).toBe('API_KEY_NOT_FOUND');
  });
});
