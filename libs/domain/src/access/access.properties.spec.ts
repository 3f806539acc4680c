import fc from 'fast-check';
import { decideAccess, evolveAccess, initialAccessState, isDomainError, replayAccess, roleOf, type AccessCommand, type AccessEvent, type AccessState, type MemberRef, type MemberRole } from '../index';
import { metadata } from './testing/aggregate-spec';

const USERS = ['u1', 'u2', 'u3'];
const email = (userId: string) => `${userId}@example.com`;
const role = fc.constantFrom<MemberRole>('viewer', 'commenter', 'editor');
const user = fc.constantFrom(...USERS);
const member = fc.oneof(
  user.map((userId): MemberRef => ({ userId })),
  user.map((u): MemberRef => ({ email: email(u) })),
);
const withMeta = (c: Pick<AccessCommand, 'type' | 'data'>) => ({ ...c, metadata: metadata() }) as AccessCommand;

const command: fc.Arbitrary<AccessCommand> = fc.oneof(
  fc.record({ email: user.map(email), role }).map((data) => withMeta({ type: 'InviteMember', data })),
  fc.record({ member, role }).map((data) => withMeta({ type: 'ChangeMemberRole', data })),
  fc.record({ member }).map((data) => withMeta({ type: 'RemoveMember', data })),
  user.map((userId) => withMeta({ type: 'TransferOwnership', data: { to: { userId, email: email(userId) } } })),
);

/** Runs the commands as the API would: refused ones append nothing. */
function run(commands: AccessCommand[]): { state: AccessState; events: AccessEvent[] } {
  let state = initialAccessState('u0');
  const events: AccessEvent[] = [];
  for (const c of commands) {
    try {
      const emitted = decideAccess(c, state);
      events.push(...emitted);
      state = emitted.reduce(evolveAccess, state);
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  }
  return { state, events };
}

describe('the access aggregate, for any sequence of commands', () => {
  it('should have exactly one owner, who is never also listed as a member by id', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 30 }), (commands) => {
        const { state } = run(commands);
        const owners = ['u0', ...USERS].filter((u) => roleOf(state, { userId: u, email: email(u) }) === 'owner');
        expect(owners).toEqual([state.ownerId]);
        expect(state.members[state.ownerId]).toBeUndefined();
      }),
    );
  });

  it('should rebuild the same state from its events, and survive a JSON round trip', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 30 }), (commands) => {
        const { state, events } = run(commands);
        const replayed = replayAccess('u0', JSON.parse(JSON.stringify(events)) as AccessEvent[]);
        expect(replayed).toEqual(state);
      }),
    );
  });
});
