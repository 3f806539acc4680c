import { SCORE_LIBRARY_COLLECTION, type LibraryEntry, type LibraryScoreDoc } from '@bandpro/read-models';
import { PeopleWorld, scoreIdOf } from '../../test/fixtures/people-world';

const S1 = scoreIdOf(1);
const S2 = scoreIdOf(2);

/** Each person's library as (scoreId, role, trashed, title). */
async function library(world: PeopleWorld, person: string): Promise<[string, string, boolean, string][]> {
  await world.catchUp();
  const entries = await world.store.find<LibraryEntry>(SCORE_LIBRARY_COLLECTION, { where: { kind: 'entry', person }, orderBy: { field: 'scoreId' } });
  return entries.map((e) => [e.scoreId, e.role, e.trashed, e.title]);
}

describe('score-library projection', () => {
  let world: PeopleWorld;
  beforeEach(() => (world = new PeopleWorld()));

  it('should give the owner an entry with what the list needs, following edits and the trash', async () => {
    await world.score(S1, 'ann', 'Blue');
    await world.catchUp();
    const [entry] = await world.store.find<LibraryEntry>(SCORE_LIBRARY_COLLECTION, { where: { kind: 'entry' } });
    expect(entry).toMatchObject({ id: `entry:user:ann:${S1}`, person: 'user:ann', scoreId: S1, role: 'owner', trashed: false, title: 'Blue', composer: 'Ann', instruments: ['trumpet-bb'], barCount: 4 });
    await world.rename(S1, 'Green');
    await world.lifecycle(S1, 'ScoreTrashed');
    expect(await library(world, 'user:ann')).toEqual([[S1, 'owner', true, 'Green']]);
    await world.lifecycle(S1, 'ScoreRestored');
    expect(await library(world, 'user:ann')).toEqual([[S1, 'owner', false, 'Green']]);
  });

  it('should list a score for an invited email and move it to the user when that email registers', async () => {
    await world.score(S1, 'ann');
    await world.score(S2, 'ann');
    await world.invite(S1, 'Bob@Example.com', 'editor');
    await world.invite(S2, 'bob@example.com', 'viewer');
    expect(await library(world, 'email:bob@example.com')).toEqual([[S1, 'editor', false, 'Song'], [S2, 'viewer', false, 'Song']]);
    await world.register('bob', 'bob@example.com');
    expect(await library(world, 'email:bob@example.com')).toEqual([]);
    expect(await library(world, 'user:bob')).toEqual([[S1, 'editor', false, 'Song'], [S2, 'viewer', false, 'Song']]);
    await world.rename(S2, 'Renamed');
    await world.lifecycle(S1, 'ScoreTrashed');
    expect(await library(world, 'user:bob')).toEqual([[S1, 'editor', true, 'Song'], [S2, 'viewer', false, 'Renamed']]);
  });

  it('should give an invitation sent after registration to the user at once, and take it back on removal', async () => {
    await world.register('bob', 'bob@example.com');
    await world.score(S1, 'ann');
    await world.invite(S1, 'bob@example.com', 'commenter');
    expect(await library(world, 'user:bob')).toEqual([[S1, 'commenter', false, 'Song']]);
    await world.changeRole(S1, { email: 'bob@example.com' }, 'commenter', 'viewer');
    expect(await library(world, 'user:bob')).toEqual([[S1, 'viewer', false, 'Song']]);
    await world.remove(S1, { email: 'bob@example.com' }, 'viewer');
    expect(await library(world, 'user:bob')).toEqual([]);
  });

  it('should take the stronger of a membership and an invitation, and follow a transfer of ownership', async () => {
    await world.register('bob', 'bob@example.com');
    await world.score(S1, 'ann');
    await world.invite(S1, 'bob@example.com', 'viewer');
    await world.changeRole(S1, { userId: 'bob' }, 'viewer', 'editor');
    expect(await library(world, 'user:bob')).toEqual([[S1, 'editor', false, 'Song']]);
    await world.transfer(S1, 'ann', { userId: 'bob', email: 'bob@example.com' }, 'editor');
    expect(await library(world, 'user:bob')).toEqual([[S1, 'owner', false, 'Song']]);
    expect(await library(world, 'user:ann')).toEqual([[S1, 'editor', false, 'Song']]);
  });

  it("should give a score created with an API key to the key's user", async () => {
    await world.createApiKey('ann', 'key-1');
    await world.score(S1, 'key-1', 'By key', { id: 'key-1', kind: 'api-key' });
    expect(await library(world, 'user:ann')).toEqual([[S1, 'owner', false, 'By key']]);
    expect(await library(world, 'user:key-1')).toEqual([]);
  });

  it('should key a sealed invitation by its subject, match it to the account that names that subject, and clear it on transfer', async () => {
    const sealed = { $pii: { s: 'subject-7', iv: 'iv', ct: 'ct', tag: 'tag' } };
    await world.score(S1, 'ann');
    await world.invite(S1, sealed, 'viewer');
    expect(await library(world, 'pii:subject-7')).toEqual([[S1, 'viewer', false, 'Song']]);
    await world.register('cy', { $pii: { ...sealed.$pii, s: 'account-cy' } }, 'subject-7');
    expect(await library(world, 'pii:subject-7')).toEqual([]);
    expect(await library(world, 'user:cy')).toEqual([[S1, 'viewer', false, 'Song']]);
    await world.transfer(S1, 'ann', { userId: 'cy', email: { $pii: { ...sealed.$pii, s: 'account-cy' } } });
    expect(await library(world, 'user:cy')).toEqual([[S1, 'owner', false, 'Song']]);
    await world.catchUp();
    expect(await world.store.get('score-access', S1)).toMatchObject({ invites: {}, registered: {}, roles: { cy: 'owner', ann: 'editor' } });
  });

  it('should drop the score and every entry when it is purged, and keep the trash time until then', async () => {
    await world.score(S1, 'ann');
    await world.invite(S1, 'bob@example.com', 'viewer');
    await world.lifecycle(S1, 'ScoreTrashed');
    await world.catchUp();
    const score = await world.store.get<LibraryScoreDoc>(SCORE_LIBRARY_COLLECTION, `score:${S1}`);
    expect(score?.trashedAt).toEqual(expect.any(String));
    await world.lifecycle(S1, 'ScorePurged');
    await world.catchUp();
    expect(await world.store.find(SCORE_LIBRARY_COLLECTION, { where: { kind: 'entry' } })).toEqual([]);
    expect(await world.store.get(SCORE_LIBRARY_COLLECTION, `score:${S1}`)).toBeUndefined();
    expect(await world.store.get('score-document', S1)).toBeUndefined();
    expect(await world.store.get('score-catalogue', S1)).toBeUndefined();
    expect(await world.store.get('score-access', S1)).toBeUndefined();
  });

  it('should dead-letter an access event for a score it never saw', async () => {
    await world.catchUp();
    await world.invite(S1, 'bob@example.com', 'viewer');
    await world.catchUp();
    expect(await world.store.listDeadLetters('score-library')).toEqual([expect.objectContaining({ type: 'MemberInvited', error: expect.stringContaining('no score') })]);
    expect(await world.store.listDeadLetters('score-access')).toEqual([expect.objectContaining({ type: 'MemberInvited' })]);
  });
});
