import { InMemoryEventStore, InMemoryKeyStore, PersonalDataVault, type EventStore, type StoredEvent } from '@bandpro/events';
import { randomUUID } from 'node:crypto';
import { EmailPseudonyms } from '../../src/gdpr/personal-data/email-pseudonym';
import { EMAIL_RELEASED, PersonalData } from '../../src/gdpr/personal-data/personal-data';
import { ERASED_NAME } from '../../src/gdpr/personal-data/personal-fields';
import { PERSONAL_DATA_KEYS_FILE, loadPersonalDataConfig } from '../../src/gdpr/personal-data/personal-data.config';
import { rawStoreOf, SealingEventStore } from '../../src/gdpr/personal-data/sealing-event-store';
import { loadApiConfig } from '../../src/config/api.config';

const ANN = { userId: 'u-ann', email: 'ann@example.com', displayName: 'Ann Plaintext' };
const actor = { id: 'u-ann', kind: 'user' as const };
const registered = { type: 'AccountRegistered', data: { ...ANN, passwordHash: 'argon-hash', at: '2026-01-01T00:00:00.000Z' } };
const invited = (email: string) => ({ type: 'MemberInvited', data: { email, role: 'editor', at: '2026-01-01T00:00:00.000Z' } });

async function all(store: EventStore, streamId: string): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const event of store.readStream(streamId)) events.push(event);
  return events;
}

describe('the sealing event store (personal fields sealed in the log, opened for the API)', () => {
  let raw: InMemoryEventStore;
  let store: SealingEventStore;
  let personalData: PersonalData;
  const append = (streamId: string, events: { type: string; data: unknown }[]) =>
    store.append(streamId, events, { expectedVersion: 'any', commandId: randomUUID(), actor });

  beforeEach(() => {
    raw = new InMemoryEventStore();
    personalData = new PersonalData(new PersonalDataVault(new InMemoryKeyStore(), { keyCacheTtlMs: 0 }), new EmailPseudonyms('test-secret'), raw, async () => undefined);
    store = new SealingEventStore(raw, personalData);
  });

  it('should keep the email and name sealed in the log and give the API the plain values', async () => {
    const result = await append('account-u-ann', [registered]);
    expect(result.events[0]?.data).toMatchObject(ANN);
    const [stored] = await all(raw, 'account-u-ann');
    expect(JSON.stringify(stored?.data)).not.toMatch(/ann@example\.com|Ann Plaintext/);
    expect(stored?.data).toMatchObject({ email: { $pii: { s: 'u-ann' } }, displayName: { $pii: { s: 'u-ann' } }, passwordHash: 'argon-hash', emailSubject: expect.stringMatching(/^email-[0-9a-f]{64}$/) });
    expect((await all(store, 'account-u-ann'))[0]?.data).toMatchObject(ANN);
    expect((await store.readAll())[0]?.data).toMatchObject(ANN);
  });

  it("should seal an invitation's email with the email's own subject, which needs no account", async () => {
    await append('score-access-s1', [invited('kim@example.com'), { type: 'MemberRemoved', data: { member: { email: 'kim@example.com' }, role: 'editor', at: 'x' } }]);
    const stored = await all(raw, 'score-access-s1');
    const subject = await personalData.emailSubject('KIM@example.com ');
    expect(stored.map((event) => JSON.stringify(event.data).includes(`"s":"${subject}"`))).toEqual([true, true]);
    expect(JSON.stringify(stored)).not.toContain('kim@example.com');
    expect((await all(store, 'score-access-s1')).map((event) => event.data)).toEqual([
      invited('kim@example.com').data,
      { member: { email: 'kim@example.com' }, role: 'editor', at: 'x' },
    ]);
  });

  it('should read erased fields as placeholders, and refuse to seal anything more for an erased person', async () => {
    await append('account-u-ann', [registered]);
    await append('score-access-s1', [invited('ann@example.com')]);
    await personalData.vault.erase('u-ann');
    await personalData.vault.erase(await personalData.emailSubject('ann@example.com'));
    const [account] = await all(store, 'account-u-ann');
    expect(account?.data).toMatchObject({ email: expect.stringMatching(/^erased:u-ann$/), displayName: ERASED_NAME });
    expect((await all(store, 'score-access-s1'))[0]?.data).toMatchObject({ email: expect.stringMatching(/^erased:email-/) });
    await expect(append('score-access-s2', [invited('ann@example.com')])).rejects.toMatchObject({ status: 409, code: 'PERSON_ERASED' });
  });

  it('should seal an email under a new subject once its former holder was erased and released it', async () => {
    const first = await personalData.emailSubject('ann@example.com');
    await raw.append(personalData.emailStream('ann@example.com'), [{ type: 'EmailReserved', data: { userId: 'u-ann' } }, { type: EMAIL_RELEASED, data: { userId: 'u-ann' } }], { expectedVersion: 'any', commandId: randomUUID(), actor });
    const second = await personalData.emailSubject('Ann@Example.com');
    expect(second).toBe(`${first}.1`);
    expect(personalData.emailStream('ann@example.com')).toBe(`account-email-${first.slice('email-'.length)}`);
  });

  it('should refuse personal data bound for a stream whose reads are not opened', async () => {
    await expect(append('s1', [invited('kim@example.com')])).rejects.toThrow('cannot go to s1');
    expect(await raw.headPosition()).toBe(0);
  });

  it('should pass events without personal fields through untouched, and leave the raw store reachable for scans', async () => {
    await append('s1', [{ type: 'NoteWritten', data: { email: 'not personal here' } }]);
    expect((await all(raw, 's1'))[0]?.data).toEqual({ email: 'not personal here' });
    expect((await all(store, 's1'))[0]?.data).toEqual({ email: 'not personal here' });
    expect(rawStoreOf(store)).toBe(raw);
    expect(rawStoreOf(raw)).toBe(raw);
    expect(await store.streamVersion('s1')).toBe(1);
    expect(await store.headPosition()).toBeGreaterThan(0);
  });
});

describe('the personal-data configuration', () => {
  const api = (env: NodeJS.ProcessEnv) => loadApiConfig({ DATA_DIR: '/data', ...env });

  it('should refuse to start in production without a long PERSONAL_DATA_SECRET', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(40) };
    expect(() => loadPersonalDataConfig(production, api(production))).toThrow(expect.objectContaining({ code: 'API_CONFIG_INVALID' }));
    expect(loadPersonalDataConfig({ ...production, PERSONAL_DATA_SECRET: 's'.repeat(32) }, api(production)).pseudonymSecret).toBe('s'.repeat(32));
  });

  it('should keep its keys in a SQLite file of their own beside the data, or a MongoDB database of their own', () => {
    const config = loadPersonalDataConfig({}, api({ JWT_SECRET: 'j'.repeat(40) }));
    expect(config).toMatchObject({ keyStoreFile: `/data/${PERSONAL_DATA_KEYS_FILE}`, pseudonymSecret: 'j'.repeat(40), mongoKeyDatabase: 'bandpro_personal_data_keys' });
  });
});
