import { call, createScoreAs, register, startApp, type RunningApp, type User } from './support/harness';

jest.setTimeout(60_000);

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
}, 120_000);
afterAll(() => app?.stop());

const access = (scoreId: string, rest = '') => `/api/v1/scores/${scoreId}/access${rest}`;
const invite = (owner: User, scoreId: string, email: string, role: string) =>
  call(app, 'POST', access(scoreId, '/invitations'), { token: owner.accessToken, body: { email, role } });

describe('sharing a score over HTTP', () => {
  it('should make an invitation a membership as soon as the invited person registers', async () => {
    const owner = await register(app, 'owner');
    const scoreId = await createScoreAs(app, owner.userId);
    const email = `late-${Date.now()}@example.com`;
    expect((await invite(owner, scoreId, email, 'editor')).status).toBe(201);
    const late = await call(app, 'POST', '/api/v1/auth/register', { body: { email, displayName: 'Late', password: 'late but here' } });
    const token = String(late.body['accessToken']);
    const share = await call(app, 'POST', access(scoreId, '/share-links'), { token, body: {} });
    expect(share).toMatchObject({ status: 403, body: { code: 'FORBIDDEN', details: { required: 'owner', role: 'editor' } } });
    expect((await call(app, 'GET', access(scoreId), { token })).status).toBe(200);
  });

  it('should change and remove roles, by invitation email and by member id', async () => {
    const owner = await register(app, 'owner');
    const kim = await register(app, 'kim');
    const scoreId = await createScoreAs(app, owner.userId);
    await invite(owner, scoreId, kim.email, 'viewer');
    expect((await invite(owner, scoreId, kim.email, 'editor')).body.code).toBe('MEMBER_ALREADY_INVITED');
    const changed = await call(app, 'PATCH', access(scoreId, `/invitations/${kim.email.toUpperCase()}`), { token: owner.accessToken, body: { role: 'editor' } });
    expect(changed.body['invitations']).toEqual([{ email: kim.email, role: 'editor' }]);
    const removed = await call(app, 'DELETE', access(scoreId, `/invitations/${kim.email}`), { token: owner.accessToken });
    expect(removed.body['invitations']).toEqual([]);
    expect((await call(app, 'GET', access(scoreId), { token: kim.accessToken })).status).toBe(403);
    const ownerRole = await call(app, 'PATCH', access(scoreId, `/members/${owner.userId}`), { token: owner.accessToken, body: { role: 'viewer' } });
    expect(ownerRole).toMatchObject({ status: 422, body: { code: 'OWNER_ROLE_MUST_ONLY_MOVE_BY_TRANSFER' } });
  });

  it('should transfer ownership to a member and keep the former owner on as editor', async () => {
    const owner = await register(app, 'owner');
    const lee = await register(app, 'lee');
    const scoreId = await createScoreAs(app, owner.userId);
    const stranger = await call(app, 'POST', access(scoreId, '/transfer'), { token: owner.accessToken, body: { userId: lee.userId } });
    expect(stranger).toMatchObject({ status: 404, body: { code: 'MEMBER_NOT_FOUND' } });
    await invite(owner, scoreId, lee.email, 'commenter');
    const moved = await call(app, 'POST', access(scoreId, '/transfer'), { token: owner.accessToken, body: { userId: lee.userId } });
    expect(moved.body).toEqual({ ownerId: lee.userId, members: [{ userId: owner.userId, role: 'editor' }], invitations: [] });
    expect((await call(app, 'POST', access(scoreId, '/share-links'), { token: owner.accessToken, body: {} })).status).toBe(403);
    const demoted = await call(app, 'PATCH', access(scoreId, `/members/${owner.userId}`), { token: lee.accessToken, body: { role: 'viewer' } });
    expect(demoted.body['members']).toEqual([{ userId: owner.userId, role: 'viewer' }]);
    expect((await call(app, 'DELETE', access(scoreId, `/members/${owner.userId}`), { token: lee.accessToken })).status).toBe(200);
    expect((await call(app, 'GET', access(scoreId), { token: owner.accessToken })).status).toBe(403);
  });

  it('should let a share link view until it is revoked or expires, and never show its token again', async () => {
    const owner = await register(app, 'owner');
    const scoreId = await createScoreAs(app, owner.userId);
    const created = await call(app, 'POST', access(scoreId, '/share-links'), { token: owner.accessToken, body: {} });
    const token = String(created.body['token']);
    const view = (share: string) => call(app, 'GET', `${access(scoreId)}?share=${encodeURIComponent(share)}`);
    expect((await view(token)).status).toBe(200);
    expect((await view(`${String(created.body['linkId'])}.forged`)).body.code).toBe('SHARE_LINK_INVALID');
    const listed = await call(app, 'GET', access(scoreId, '/share-links'), { token: owner.accessToken });
    expect(JSON.stringify(listed.body)).not.toContain(token.split('.')[1]);
    expect((await call(app, 'DELETE', access(scoreId, `/share-links/${String(created.body['linkId'])}`), { token: owner.accessToken })).status).toBe(204);
    expect((await view(token)).status).toBe(401);
    const past = await call(app, 'POST', access(scoreId, '/share-links'), { token: owner.accessToken, body: { expiresAt: '2020-01-01T00:00:00Z' } });
    expect((await view(String(past.body['token']))).body.code).toBe('SHARE_LINK_INVALID');
  });

  it("should cap a write API key at its owner's role on the score", async () => {
    const owner = await register(app, 'owner');
    const viewer = await register(app, 'viewer');
    const scoreId = await createScoreAs(app, owner.userId);
    await invite(owner, scoreId, viewer.email, 'viewer');
    const key = await call(app, 'POST', '/api/v1/api-keys', { token: viewer.accessToken, body: { name: 'w', scope: 'write' } });
    const apiKey = String(key.body['key']);
    expect((await call(app, 'GET', access(scoreId), { apiKey })).status).toBe(200);
    expect((await call(app, 'POST', access(scoreId, '/share-links'), { apiKey, body: {} })).status).toBe(403);
  });

  it("should make the key's user the owner of a score created with an API key", async () => {
    const owner = await register(app, 'owner');
    const key = await call(app, 'POST', '/api/v1/api-keys', { token: owner.accessToken, body: { name: 'bot', scope: 'write' } });
    const scoreId = await createScoreAs(app, String(key.body['keyId']), 'api-key');
    const listed = await call(app, 'GET', access(scoreId), { token: owner.accessToken });
    expect(listed).toMatchObject({ status: 200, body: { ownerId: owner.userId } });
    expect((await call(app, 'POST', access(scoreId, '/share-links'), { token: owner.accessToken, body: {} })).status).toBe(201);
  });
});
