import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIT_SQLITE_FILE_NAME, createAuditLog, MemoryAuditLog, SqliteAuditLog } from '../src';
import { auditRecord } from './support/records';

describe('the SQLite audit log', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'bandpro-audit-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should keep records across a reopen of its file, which createAuditLog puts in the data folder', async () => {
    const record = auditRecord(1);
    const first = await createAuditLog({ dataDir: dir });
    await first.record([record]);
    await first.close();
    const reopened = new SqliteAuditLog({ filename: join(dir, AUDIT_SQLITE_FILE_NAME) });
    expect((await reopened.query({ limit: 5 })).records).toEqual([record]);
    await reopened.close();
  });

  it('should refuse an UPDATE even from a statement written by hand', async () => {
    const log = new SqliteAuditLog({ filename: join(dir, AUDIT_SQLITE_FILE_NAME) });
    await log.record([auditRecord(1)]);
    await log.close();
    const db = new Database(join(dir, AUDIT_SQLITE_FILE_NAME));
    expect(() => db.prepare("UPDATE audit_records SET action = 'rewritten'").run()).toThrow(/append-only/);
    db.close();
  });

  it('should answer with a typed error, not a driver error, once it is closed', async () => {
    const log = new SqliteAuditLog({ filename: join(dir, AUDIT_SQLITE_FILE_NAME) });
    await log.close();
    await log.close();
    await expect(log.record([auditRecord(1)])).rejects.toMatchObject({ code: 'AUDIT_LOG_UNAVAILABLE', name: 'AuditLogUnavailableError' });
    await expect(log.query({ limit: 1 })).rejects.toMatchObject({ code: 'AUDIT_LOG_UNAVAILABLE' });
  });

  it('should fail to open where no file can be made, with a typed error', () => {
    writeFileSync(join(dir, 'a-file'), '');
    expect(() => new SqliteAuditLog({ filename: join(dir, 'a-file', AUDIT_SQLITE_FILE_NAME) })).toThrow(expect.objectContaining({ code: 'AUDIT_LOG_UNAVAILABLE' }));
  });
});

describe('the memory audit log', () => {
  it('should forget purged ids, so a record with a purged id may be stored again', async () => {
    const log = new MemoryAuditLog();
    const record = auditRecord(1);
    await log.record([record]);
    await log.purgeOlderThan(new Date('2030-01-01T00:00:00Z'));
    await log.record([record]);
    expect((await log.query({ limit: 5 })).records).toEqual([record]);
    await log.close();
  });
});

describe('createAuditLog', () => {
  it('should pick MongoDB when given a URI, and answer a typed error when no server is there', async () => {
    await expect(createAuditLog({ mongodbUri: 'mongodb://127.0.0.1:1/bandpro_audit?serverSelectionTimeoutMS=300' })).rejects.toMatchObject({ code: 'AUDIT_LOG_UNAVAILABLE' });
  });
});
