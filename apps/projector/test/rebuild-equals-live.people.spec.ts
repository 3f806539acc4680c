import { evolveAccess, initialAccessState, roleOf, type AccessEvent, type AccessState } from '@bandpro/domain';
import { InMemoryReadModelStore, SCORE_LIBRARY_COLLECTION, type LibraryEntry, type ReadModelStore } from '@bandpro/read-models';
import fc from 'fast-check';
import { SCORE_PROJECTIONS } from '../src/projections/score-projections';
import { ProjectionRunner } from '../src/runtime/projection-runner';
import { PeopleWorld, scoreIdOf } from './fixtures/people-world';

const USERS = ['ann', 'bob', 'cy', 'dee'];
const emailOf = (userId: string) => `${userId}@example.com`;
const ROLES = ['viewer', 'commenter', 'editor'] as const;

const op = fc.oneof(
  fc.record({ kind: fc.constant('score' as const), score: fc.nat(1), user: fc.nat(3) }),
  fc.record({ kind: fc.constant('invite' as const), score: fc.nat(1), user: fc.nat(3), role: fc.nat(2) }),
  fc.record({ kind: fc.constant('member' as const), score: fc.nat(1), user: fc.nat(3), role: fc.nat(2), byEmail: fc.boolean() }),
  fc.record({ kind: fc.constant('remove' as const), score: fc.nat(1), user: fc.nat(3), byEmail: fc.boolean() }),
  fc.record({ kind: fc.constant('transfer' as const), score: fc.nat(1), user: fc.nat(3) }),
  fc.record({ kind: fc.constant('register' as const), user: fc.nat(3) }),
  fc.record({ kind: fc.constant('trash' as const), score: fc.nat(1) }),
  fc.record({ kind: fc.constant('rename' as const), score: fc.nat(1) }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

/** What the domain says, kept beside the appends: each score's access state and who registered. */
interface Oracle {
  access: Map<string, AccessState>;
  trashed: Map<string, boolean>;
  registered: Set<string>;
}

async function perform(world: PeopleWorld, oracle: Oracle, o: Op): Promise<void> {
  if (o.kind === 'register') {
    const userId = USERS[o.user];
    if (oracle.registered.has(userId)) return;
    oracle.registered.add(userId);
    return world.register(userId, emailOf(userId));
  }
  const scoreId = scoreIdOf(o.score + 1);
  const state = oracle.access.get(scoreId);
  if (o.kind === 'score') {
    if (state) return;
    oracle.access.set(scoreId, initialAccessState(USERS[o.user]));
    return world.score(scoreId, USERS[o.user]);
  }
  if (!state) return;
  const userId = USERS['user' in o ? o.user : 0];
  const apply = (event: AccessEvent) => oracle.access.set(scoreId, evolveAccess(state, event));
  switch (o.kind) {
    case 'invite':
      apply({ type: 'MemberInvited', data: { email: emailOf(userId), role: ROLES[o.role], at: 'x' } });
      return world.invite(scoreId, emailOf(userId), ROLES[o.role]);
    case 'member': {
      const member = o.byEmail ? { email: emailOf(userId) } : { userId };
      apply({ type: 'MemberRoleChanged', data: { member, from: 'viewer', to: ROLES[o.role], at: 'x' } });
      return world.changeRole(scoreId, member, 'viewer', ROLES[o.role]);
    }
    case 'remove': {
      const member = o.byEmail ? { email: emailOf(userId) } : { userId };
      apply({ type: 'MemberRemoved', data: { member, role: 'viewer', at: 'x' } });
      return world.remove(scoreId, member, 'viewer');
    }
    case 'transfer': {
      if (!oracle.registered.has(userId) || state.ownerId === userId) return;
      const to = { userId, email: emailOf(userId) };
      apply({ type: 'OwnershipTransferred', data: { from: state.ownerId, to, previousRole: 'viewer', at: 'x' } });
      return world.transfer(scoreId, state.ownerId, to);
    }
    case 'trash': {
      const trashed = !oracle.trashed.get(scoreId);
      oracle.trashed.set(scoreId, trashed);
      return world.lifecycle(scoreId, trashed ? 'ScoreTrashed' : 'ScoreRestored');
    }
    case 'rename':
      return world.rename(scoreId, `Title ${o.score}`);
  }
}

async function everything(store: ReadModelStore): Promise<Record<string, object[]>> {
  return Object.fromEntries(await Promise.all(SCORE_PROJECTIONS.map(async (p) => [p.collection, await store.find(p.collection, { orderBy: { field: 'id' } })])));
}

/** Every registered user's library holds exactly the scores the domain gives them a role on, with that role. */
async function checkAgainstDomain(store: ReadModelStore, oracle: Oracle): Promise<void> {
  for (const userId of USERS) {
    const entries = await store.find<LibraryEntry>(SCORE_LIBRARY_COLLECTION, { where: { kind: 'entry', person: `user:${userId}` } });
    const actual = Object.fromEntries(entries.map((e) => [e.scoreId, [e.role, e.trashed]]));
    const expected: Record<string, [string, boolean]> = {};
    for (const [scoreId, state] of oracle.access) {
      const role = roleOf(state, { userId, email: oracle.registered.has(userId) ? emailOf(userId) : '' });
      if (role !== null) expected[scoreId] = [role, oracle.trashed.get(scoreId) ?? false];
    }
    expect(actual).toEqual(expected);
  }
}

/** Contract test 8 for the access list and the library: random sharing histories, rebuilt from 0, give what live processing gave. */
describe('rebuild from position 0 against live processing (access and library projections)', () => {
  it('should agree with itself and with the domain on who holds which role', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 5 }), async (ops, catchUpAfter, batchSize) => {
        const world = new PeopleWorld(new InMemoryReadModelStore(), SCORE_PROJECTIONS, batchSize);
        const oracle: Oracle = { access: new Map(), trashed: new Map(), registered: new Set() };
        for (const [i, o] of ops.entries()) {
          await perform(world, oracle, o);
          if (catchUpAfter[i % catchUpAfter.length]) await world.catchUp();
        }
        await world.catchUp();

        const rebuilt = new InMemoryReadModelStore();
        for (const projection of SCORE_PROJECTIONS) await new ProjectionRunner({ projection, events: world.events, store: rebuilt }).rebuild();
        expect(await everything(rebuilt)).toEqual(await everything(world.store));
        for (const projection of SCORE_PROJECTIONS) expect(await world.store.listDeadLetters(projection.name)).toEqual([]);
        await checkAgainstDomain(world.store, oracle);
      }),
      { numRuns: 300 },
    );
  });
});
