import { SCORE_ACCESS_COLLECTION, type ScoreAccessView } from '@bandpro/read-models';
import { PeopleWorld, scoreIdOf } from '../../test/fixtures/people-world';

const S1 = scoreIdOf(1);

async function accessOf(world: PeopleWorld): Promise<ScoreAccessView | undefined> {
  await world.catchUp();
  return world.store.get<ScoreAccessView>(SCORE_ACCESS_COLLECTION, S1);
}

describe('score-access projection', () => {
  let world: PeopleWorld;
  beforeEach(() => (world = new PeopleWorld()));

  it('should list the owner, members, pending invitations and share links without their hashes', async () => {
    await world.score(S1, 'ann');
    await world.invite(S1, 'Bob@example.com', 'editor');
    await world.changeRole(S1, { userId: 'cy' }, 'viewer', 'commenter');
    await world.shareLink(S1, 'link-1');
    expect(await accessOf(world)).toEqual({
      kind: 'access', id: S1, scoreId: S1, active: true, ownerId: 'ann',
      members: { cy: 'commenter' }, invites: { 'email:bob@example.com': 'editor' }, registered: {},
      roles: { ann: 'owner', cy: 'commenter' }, pending: { 'email:bob@example.com': 'editor' },
      shareLinks: { 'link-1': { linkId: 'link-1', expiresAt: null, createdAt: expect.any(String), revokedAt: null } },
    });
    expect(JSON.stringify(await accessOf(world))).not.toContain('secret-hash');
    await world.revokeLink(S1, 'link-1');
    expect((await accessOf(world))?.shareLinks['link-1'].revokedAt).toEqual(expect.any(String));
  });

  it("should turn a pending invitation into the user's role when the email registers", async () => {
    await world.score(S1, 'ann');
    await world.invite(S1, 'bob@example.com', 'viewer');
    await world.register('bob', 'BOB@example.com');
    expect(await accessOf(world)).toMatchObject({ roles: { ann: 'owner', bob: 'viewer' }, pending: {}, registered: { 'email:bob@example.com': 'bob' } });
    await world.remove(S1, { email: 'bob@example.com' }, 'viewer');
    expect(await accessOf(world)).toMatchObject({ roles: { ann: 'owner' }, pending: {}, registered: {}, invites: {} });
  });

  it('should move ownership and keep the former owner as editor', async () => {
    await world.score(S1, 'ann');
    await world.transfer(S1, 'ann', { userId: 'bob', email: 'bob@example.com' });
    expect(await accessOf(world)).toMatchObject({ ownerId: 'bob', roles: { bob: 'owner', ann: 'editor' } });
  });

  it('should keep the list while creation is undone and drop it on purge', async () => {
    await world.score(S1, 'ann');
    await world.invite(S1, 'bob@example.com', 'viewer');
    await world.append(S1, 'ScoreDiscarded', (await world.events.readAll({ afterPosition: 0, limit: 1 }))[0].data);
    expect(await accessOf(world)).toMatchObject({ active: false, pending: { 'email:bob@example.com': 'viewer' } });
    await world.lifecycle(S1, 'ScorePurged');
    expect(await accessOf(world)).toBeUndefined();
  });

  it('should refuse to revoke a share link it never saw', async () => {
    await world.score(S1, 'ann');
    await world.catchUp();
    await world.revokeLink(S1, 'nope');
    await world.catchUp();
    expect(await world.store.listDeadLetters('score-access')).toEqual([expect.objectContaining({ type: 'ShareLinkRevoked', error: expect.stringContaining('no share link') })]);
  });
});
