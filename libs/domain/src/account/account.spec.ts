import { decideAccount, evolveAccount, initialAccountState, replayAccount, type AccountCommand, type AccountEvent, type AccountState } from '../index';
import { aggregateSpec, AT, LATER, metadata } from '../access/testing/aggregate-spec';

const given = aggregateSpec<AccountCommand, AccountEvent, AccountState>(decideAccount, evolveAccount, initialAccountState);
const registered: AccountEvent = {
  type: 'AccountRegistered',
  data: { userId: 'u1', email: 'ann@example.com', displayName: 'Ann', passwordHash: 'h1', at: AT },
};
const keyCreated: AccountEvent = { type: 'ApiKeyCreated', data: { keyId: 'k1', name: 'ci', scope: 'read', keyHash: 'kh', at: AT } };
const register = (data: Partial<{ email: string; displayName: string }> = {}): AccountCommand => ({
  type: 'RegisterAccount',
  data: { userId: 'u1', email: ' Ann@Example.COM ', displayName: ' Ann ', passwordHash: 'h1', ...data },
  metadata: metadata(),
});

describe('the account aggregate', () => {
  it('should register an account with its email normalised and its name trimmed', () => {
    const state = given().when(register()).then([registered]);
    expect(state).toMatchObject({ status: 'active', email: 'ann@example.com', registeredAt: AT, apiKeys: {} });
  });

  it('should refuse to register the same account twice', () => {
    given([registered]).when(register()).thenThrows('ACCOUNT_EXISTS');
  });

  it.each(['not-an-email', 'a@b', '', 'a b@c.de'])('should refuse the malformed email %p', (email) => {
    given().when(register({ email })).thenThrows('EMAIL_MUST_BE_VALID');
  });

  it.each(['  ', 'x'.repeat(101)])('should refuse a blank or overlong display name', (displayName) => {
    given().when(register({ displayName })).thenThrows('DISPLAY_NAME_MUST_BE_GIVEN');
  });

  it('should change the password hash', () => {
    const state = given([registered])
      .when({ type: 'ChangePassword', data: { passwordHash: 'h2' }, metadata: metadata(LATER) })
      .then([{ type: 'PasswordChanged', data: { passwordHash: 'h2', at: LATER } }]);
    expect(state).toMatchObject({ passwordHash: 'h2' });
  });

  it('should refuse commands on an account that was never registered', () => {
    given().when({ type: 'ChangePassword', data: { passwordHash: 'h2' }, metadata: metadata() }).thenThrows('ACCOUNT_NOT_FOUND');
  });

  it('should create an API key, naming it after its id when no name is given', () => {
    const state = given([registered])
      .when({ type: 'CreateApiKey', data: { keyId: 'k2', name: ' ', scope: 'write', keyHash: 'kh2' }, metadata: metadata() })
      .then([{ type: 'ApiKeyCreated', data: { keyId: 'k2', name: 'k2', scope: 'write', keyHash: 'kh2', at: AT } }]);
    expect(state).toMatchObject({ apiKeys: { k2: { scope: 'write', createdAt: AT, revokedAt: null } } });
  });

  it('should refuse an API key with an unknown scope or a reused id', () => {
    const create = (keyId: string, scope: string): AccountCommand =>
      ({ type: 'CreateApiKey', data: { keyId, name: 'n', scope, keyHash: 'x' }, metadata: metadata() }) as AccountCommand;
    given([registered]).when(create('k9', 'admin')).thenThrows('API_KEY_SCOPE_MUST_BE_KNOWN');
    given([registered, keyCreated]).when(create('k1', 'read')).thenThrows('API_KEY_EXISTS');
  });

  it('should revoke an active API key, and refuse to revoke it again or one that does not exist', () => {
    const revoke: AccountCommand = { type: 'RevokeApiKey', data: { keyId: 'k1' }, metadata: metadata(LATER) };
    const revoked: AccountEvent = { type: 'ApiKeyRevoked', data: { keyId: 'k1', name: 'ci', at: LATER } };
    const state = given([registered, keyCreated]).when(revoke).then([revoked]);
    expect(state).toMatchObject({ apiKeys: { k1: { revokedAt: LATER } } });
    given([registered, keyCreated, revoked]).when(revoke).thenThrows('API_KEY_NOT_FOUND');
    given([registered]).when(revoke).thenThrows('API_KEY_NOT_FOUND');
  });

  it('should erase an account, after which it refuses every command, registering again included', () => {
    const erase: AccountCommand = { type: 'EraseAccount', data: {}, metadata: metadata(LATER) };
    const erased: AccountEvent = { type: 'AccountErased', data: { at: LATER } };
    const state = given([registered, keyCreated]).when(erase).then([erased]);
    expect(state).toEqual({ status: 'erased', userId: 'u1', erasedAt: LATER });
    given([registered, erased]).when(erase).thenThrows('ACCOUNT_NOT_FOUND');
    given([registered, erased]).when(register()).thenThrows('ACCOUNT_EXISTS');
    given().when(erase).thenThrows('ACCOUNT_NOT_FOUND');
  });

  it('should refuse unknown commands', () => {
    given([registered]).when({ type: 'DeleteEverything', data: {}, metadata: metadata() } as unknown as AccountCommand).thenThrows('COMMAND_MUST_BE_KNOWN');
  });

  it('should refuse to evolve events that do not fit the state', () => {
    expect(() => evolveAccount(initialAccountState(), keyCreated)).toThrow('the account is not registered');
    const active = evolveAccount(initialAccountState(), registered);
    expect(() => evolveAccount(active, { type: 'ApiKeyRevoked', data: { keyId: 'nope', name: 'n', at: AT } })).toThrow('no such API key');
    expect(replayAccount([registered, keyCreated])).toEqual(evolveAccount(active, keyCreated));
    expect(() => evolveAccount(active, { type: 'Nope' } as unknown as AccountEvent)).toThrow('unknown event type');
  });
});
