import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { JwtService } from '@nestjs/jwt';
import { createScore, run, testId } from '@bandpro/domain/testing';
import { InMemoryEventStore, InMemoryKeyStore, InMemorySnapshotStore, PersonalDataVault, type EventStore } from '@bandpro/events';
import { EraseMeService } from '../../src/gdpr/erase-me/erase-me.service';
import { MyFootprint } from '../../src/gdpr/my-footprint';
import { EmailPseudonyms } from '../../src/gdpr/personal-data/email-pseudonym';
import { PersonalData } from '../../src/gdpr/personal-data/personal-data';
import { PERSONAL_DATA, SealingEventStore } from '../../src/gdpr/personal-data/sealing-event-store';
import { AccountStore } from '../../src/identity/account.store';
import { IDENTITY_CONFIG, loadIdentityConfig } from '../../src/identity/identity.config';
import { PasswordHasher } from '../../src/identity/password-hasher';
import { SessionService } from '../../src/identity/session.service';
import { createScoreLoader } from '../../src/infrastructure/score-loader';
import { StreamFolds } from '../../src/infrastructure/stream-folds';
import { EVENT_STORE, SCORE_LOADER } from '../../src/infrastructure/tokens';
import { ChangeTrashStateHandler } from '../../src/scores/commands/trash-score/change-trash-state.handler';
import { AccessService } from '../../src/sharing/access.service';
import { AccessStore } from '../../src/sharing/access.store';

jest.setTimeout(30_000);

const ANN = testId(1, 0xe1);
const BEA = testId(2, 0xe1);
const KEPT = testId(1, 0xe2);
const DROPPED = testId(2, 0xe2);
const PASSWORD = 'a long enough password';
const at = () => new Date().toISOString();
const asUser = (id: string) => ({ id, kind: 'user' as const });

/** The erasure's real collaborators over an in-memory store, wired by Nest as the API wires them. */
async function eraseRig() {
  const raw = new InMemoryEventStore();
  const personalData = new PersonalData(new PersonalDataVault(new InMemoryKeyStore(), { keyCacheTtlMs: 0 }), new EmailPseudonyms('secret'), raw, async () => undefined);
  const store: EventStore = new SealingEventStore(raw, personalData);
  @Module({
    imports: [CqrsModule.forRoot()],
    providers: [
      { provide: EVENT_STORE, useValue: store },
      { provide: PERSONAL_DATA, useValue: personalData },
      { provide: SCORE_LOADER, useValue: createScoreLoader(store, new InMemorySnapshotStore(), 100) },
      { provide: IDENTITY_CONFIG, useValue: loadIdentityConfig({}, 'a-test-secret-that-is-long-enough-123') },
      { provide: JwtService, useValue: new JwtService({ secret: 'a-test-secret-that-is-long-enough-123' }) },
      { provide: StreamFolds, useValue: new StreamFolds(store) },
      AccountStore, PasswordHasher, SessionService, AccessStore, AccessService, MyFootprint, EraseMeService, ChangeTrashStateHandler,
    ],
  })
  class EraseTestModule {}
  const app: INestApplicationContext = await NestFactory.createApplicationContext(EraseTestModule, { logger: false });
  await app.init();
  return { app, raw, store, personalData, accounts: app.get(AccountStore), eraser: app.get(EraseMeService), access: app.get(AccessService), sessions: app.get(SessionService) };
}

type Rig = Awaited<ReturnType<typeof eraseRig>>;

async function register(rig: Rig, userId: string, email: string): Promise<void> {
  await rig.accounts.reserve(rig.accounts.emailStream(email), 'EmailReserved', userId, asUser(userId), 'EMAIL_TAKEN');
  const passwordHash = await rig.app.get(PasswordHasher).hash(PASSWORD);
  await rig.accounts.execute(userId, { type: 'RegisterAccount', data: { userId, email, displayName: email.split('@')[0] as string, passwordHash }, metadata: { actor: asUser(userId), at: at() } });
}

async function createScoreAs(rig: Rig, scoreId: string, userId: string): Promise<void> {
  const { events } = run([{ ...createScore({ scoreId }), metadata: { actor: asUser(userId), at: at() } }]);
  await rig.store.append(scoreId, events, { expectedVersion: 'no_stream', commandId: `create-${scoreId}`, actor: asUser(userId) });
}

const decisions = { [KEPT]: { action: 'transfer', to: BEA }, [DROPPED]: { action: 'delete' } };
const ann = { id: ANN, kind: 'user' as const, userId: ANN };

describe('erase me, as the API runs it (real services on an in-memory store)', () => {
  let rig: Rig;

  beforeEach(async () => {
    rig = await eraseRig();
    await register(rig, ANN, 'ann@example.com');
    await register(rig, BEA, 'bea@example.com');
    await createScoreAs(rig, KEPT, ANN);
    await createScoreAs(rig, DROPPED, ANN);
    await rig.access.invite(KEPT, asUser(ANN), 'bea@example.com', 'viewer');
    await rig.sessions.start(ANN, new Date());
  });

  afterEach(() => rig.app.close());

  it('should change nothing at all when it refuses', async () => {
    const head = await rig.raw.headPosition();
    await expect(rig.eraser.erase(ann, { password: PASSWORD, scores: { [KEPT]: { action: 'transfer', to: BEA } } })).rejects.toMatchObject({ code: 'ERASE_SCORES_UNDECIDED' });
    await expect(rig.eraser.erase(ann, { password: PASSWORD, scores: { ...decisions, [DROPPED]: { action: 'transfer', to: ANN } } })).rejects.toMatchObject({ code: 'ERASE_TRANSFER_REFUSED' });
    await expect(rig.eraser.erase(ann, { password: PASSWORD, scores: { ...decisions, [KEPT]: { action: 'transfer', to: testId(9, 0xe1) } } })).rejects.toMatchObject({ code: 'ERASE_TRANSFER_REFUSED' });
    await expect(rig.eraser.erase({ ...ann, kind: 'api-key' }, { password: PASSWORD, scores: decisions })).rejects.toMatchObject({ code: 'USER_SESSION_REQUIRED' });
    expect(await rig.raw.headPosition()).toBe(head);
    expect(await rig.personalData.vault.open(await rig.personalData.vault.seal(ANN, 'still here'))).toBe('still here');
  });

  it('should finish on a second run when a purge failed half way, the person still able to send it', async () => {
    let failures = 1;
    rig.personalData.vault.addErasureListener({ purgeSubject: () => { if (failures-- > 0) throw new Error('read model store down'); } });
    await expect(rig.eraser.erase(ann, { password: PASSWORD, scores: decisions })).rejects.toMatchObject({ status: 503, code: 'ERASURE_INCOMPLETE' });
    // Half way: the scores moved, the data unreadable, but the account still answers its password by email.
    expect((await rig.app.get(AccessStore).load(KEPT)).state.ownerId).toBe(BEA);
    const halfErased = await rig.accounts.findByEmail('ann@example.com');
    expect(halfErased).toMatchObject({ userId: ANN, email: `erased:${ANN}`, displayName: 'Erased user' });

    const report = await rig.eraser.erase(ann, { password: PASSWORD, scores: decisions });
    expect(report).toEqual({ userId: ANN, transferred: [], deleted: [DROPPED] });
    expect(await rig.accounts.active(ANN)).toBeNull();
    expect(await rig.accounts.findByEmail('ann@example.com')).toBeNull();
    await expect(register(rig, testId(3, 0xe1), 'ANN@example.com')).resolves.toBeUndefined();
    expect(JSON.stringify(await rig.raw.readAll())).not.toContain('ann@example.com');
  });

  it('should ask no decision for a score already purged from the trash, and erase without touching it', async () => {
    const lifecycle = `score-lifecycle-${DROPPED}`;
    await rig.raw.append(lifecycle, [{ type: 'ScoreTrashed', data: { scoreId: DROPPED } }], { expectedVersion: 'no_stream', commandId: 'trash', actor: asUser(ANN) });
    await rig.raw.append(lifecycle, [{ type: 'ScorePurged', data: { scoreId: DROPPED, trashedAt: at() } }], { expectedVersion: 1, commandId: 'purge', actor: { id: 'trash-purge', kind: 'system' } });
    const report = await rig.eraser.erase(ann, { password: PASSWORD, scores: { [KEPT]: { action: 'delete' } } });
    expect(report).toEqual({ userId: ANN, transferred: [], deleted: [KEPT] });
    expect(await rig.raw.streamVersion(lifecycle)).toBe(2);
  });
});
