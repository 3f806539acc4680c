import { MemoryAuditLog, type AuditRecord } from '@bandpro/audit';
import { cmd, createScore, run, testId } from '@bandpro/domain/testing';
import { InMemoryEventStore, InMemoryKeyStore, InMemorySnapshotStore, PersonalDataVault, type EventStore } from '@bandpro/events';
import { strFromU8, unzipSync } from 'fflate';
import { PassThrough } from 'node:stream';
import { AuditRecorder } from '../../src/audit/audit-recorder';
import { sealAuditRecord } from '../../src/audit/audit-sealing';
import { loadAuditConfig } from '../../src/audit/audit.config';
import { DataExportService } from '../../src/gdpr/data-export/data-export.service';
import { ZipStream } from '../../src/gdpr/data-export/zip-stream';
import { MyFootprint } from '../../src/gdpr/my-footprint';
import { EmailPseudonyms } from '../../src/gdpr/personal-data/email-pseudonym';
import { PersonalData } from '../../src/gdpr/personal-data/personal-data';
import { SealingEventStore } from '../../src/gdpr/personal-data/sealing-event-store';
import { AccountStore } from '../../src/identity/account.store';
import { createScoreLoader } from '../../src/infrastructure/score-loader';
import { StreamFolds } from '../../src/infrastructure/stream-folds';
import { AccessStore } from '../../src/sharing/access.store';

const ANN = testId(1, 0xa);
const BEA = testId(2, 0xa);
const MINE = testId(1, 0x5c0e);
const THEIRS = testId(2, 0x5c0e);
const OTHER = testId(3, 0x5c0e);
const NOW = new Date('2026-11-26T08:00:00.000Z');

/** The export service on real in-memory parts: the sealing store, accounts, access lists, score loader, audit log. */
function exportRig() {
  const raw = new InMemoryEventStore();
  const personalData = new PersonalData(new PersonalDataVault(new InMemoryKeyStore()), new EmailPseudonyms('secret'), raw, async () => undefined);
  const store: EventStore = new SealingEventStore(raw, personalData);
  const accounts = new AccountStore(store, personalData);
  const loader = createScoreLoader(store, new InMemorySnapshotStore(), 100);
  const access = new AccessStore(store, loader, new StreamFolds(store), accounts);
  const auditLog = new MemoryAuditLog();
  const recorder = new AuditRecorder(auditLog, loadAuditConfig({}));
  const service = new DataExportService(accounts, new MyFootprint(store, access), store, loader, auditLog, recorder, personalData);
  return { raw, store, accounts, auditLog, personalData, service };
}

async function register(rig: ReturnType<typeof exportRig>, userId: string, email: string, displayName: string): Promise<void> {
  const actor = { id: userId, kind: 'user' as const };
  await rig.accounts.reserve(rig.accounts.emailStream(email), 'EmailReserved', userId, actor, 'EMAIL_TAKEN');
  await rig.accounts.execute(userId, { type: 'RegisterAccount', data: { userId, email, displayName, passwordHash: 'h' }, metadata: { actor, at: NOW.toISOString() } });
}

const by = (userId: string) => ({ actor: { id: userId, kind: 'user' as const }, at: NOW.toISOString() });

async function scoreBy(store: EventStore, scoreId: string, userId: string, title: string): Promise<void> {
  const { events } = run([{ ...createScore({ scoreId, title }), metadata: by(userId) }]);
  await store.append(scoreId, events, { expectedVersion: 'no_stream', commandId: `create-${scoreId}`, actor: by(userId).actor });
}

/** A change by `userId` to a score someone else created. */
async function editBy(store: EventStore, scoreId: string, userId: string): Promise<void> {
  const { state } = await createScoreLoader(store, new InMemorySnapshotStore(), 100).load(scoreId);
  const { events } = run([cmd('UpdateScoreInfo', { subtitle: 'with Ann' }, by(userId))], state);
  await store.append(scoreId, events, { expectedVersion: 1, commandId: `edit-${scoreId}`, actor: by(userId).actor });
}

async function zipOf(write: (zip: ZipStream) => Promise<void>): Promise<Record<string, string>> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const zip = new ZipStream(out);
  await write(zip);
  await zip.end();
  const files = unzipSync(new Uint8Array(Buffer.concat(chunks)));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

const audited = (id: string, actorId: string, at: string): AuditRecord => ({
  id, at, actor: { id: actorId, kind: 'user' }, ip: '192.0.2.1', userAgent: 'UA', action: 'score.command', outcome: 'success', status: 200, details: {},
});

describe('the data export of one person', () => {
  it('should hold my profile, my scores as MusicXML and events, an empty comments file and only my audit records', async () => {
    const rig = exportRig();
    await register(rig, ANN, 'Ann@Example.com', 'Ann');
    await register(rig, BEA, 'bea@example.com', 'Bea');
    await scoreBy(rig.store, MINE, ANN, 'Mine');
    await scoreBy(rig.store, THEIRS, BEA, 'Theirs');
    await scoreBy(rig.store, OTHER, BEA, 'Not mine at all');
    await editBy(rig.store, THEIRS, ANN);
    await rig.auditLog.record(await Promise.all([audited('r2', ANN, '2026-11-26T07:00:02.000Z'), audited('r1', ANN, '2026-11-26T07:00:01.000Z'), audited('r3', BEA, '2026-11-26T07:00:03.000Z')].map((r) => sealAuditRecord(r, rig.personalData.vault))));

    const account = await rig.service.account({ kind: 'user', userId: ANN });
    const files = await zipOf((zip) => rig.service.write(account, zip, NOW));

    expect(Object.keys(files).sort()).toEqual(['audit.ndjson', 'comments.json', 'profile.json', `scores/${MINE}.events.ndjson`, `scores/${MINE}.musicxml`, `scores/${THEIRS}.events.ndjson`, `scores/${THEIRS}.musicxml`]);
    expect(JSON.parse(files['profile.json'] as string)).toEqual({
      exportedAt: NOW.toISOString(), userId: ANN, email: 'ann@example.com', displayName: 'Ann', registeredAt: NOW.toISOString(), apiKeys: [],
      scores: { owned: [MINE], edited: [MINE, THEIRS].sort() },
    });
    expect(files[`scores/${MINE}.musicxml`]).toContain('<work-title>Mine</work-title>');
    const theirs = (files[`scores/${THEIRS}.events.ndjson`] as string).trim().split('\n').map((line) => JSON.parse(line));
    expect(theirs.map(({ version, type, metadata }) => [version, type, metadata.actor.id])).toEqual([[1, 'ScoreCreated', BEA], [2, 'ScoreInfoUpdated', ANN]]);
    expect(Object.keys(theirs[0]).sort()).toEqual(['data', 'eventId', 'metadata', 'position', 'schemaVersion', 'streamId', 'type', 'version']);
    expect(JSON.parse(files['comments.json'] as string)).toMatchObject({ comments: [] });
    const audit = (files['audit.ndjson'] as string).trim().split('\n').map((line) => JSON.parse(line));
    expect(audit.map((record) => [record.id, record.ip, record.userAgent])).toEqual([['r1', '192.0.2.1', 'UA'], ['r2', '192.0.2.1', 'UA']]);
  });

  it('should refuse, before the first byte, an account that does not exist and an API key', async () => {
    await expect(exportRig().service.account({ kind: 'user', userId: testId(9, 0xa) })).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    await expect(exportRig().service.account({ kind: 'api-key', userId: ANN })).rejects.toMatchObject({ status: 403, code: 'USER_SESSION_REQUIRED' });
  });
});
