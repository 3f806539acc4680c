import { AUDIT_SQLITE_FILE_NAME, SqliteAuditLog, type AuditRecord } from '@bandpro/audit';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { eventually } from '../support/http';
import { startApi, tempDataDir, type RunningApi } from '../support/processes';
import { ADMIN_EMAIL, as, registerAndLogIn } from './support/audit-app';

jest.setTimeout(90_000);

const DAY_MS = 24 * 60 * 60 * 1000;

function recordDaysAgo(days: number): AuditRecord {
  return { id: uuidv7(), at: new Date(Date.now() - days * DAY_MS).toISOString(), actor: { id: 'someone', kind: 'user' }, ip: '198.51.100.1', userAgent: 'old', action: 'score.command', outcome: 'success', status: 200, details: { days } };
}

describe('the audit retention purge in the running API', () => {
  const data = tempDataDir();
  let api: RunningApi | undefined;

  afterAll(async () => {
    await api?.stop();
    data.remove();
  });

  it('should purge at start-up only the records older than AUDIT_RETENTION_DAYS, and record that it did', async () => {
    const stored = new SqliteAuditLog({ filename: join(data.dir, AUDIT_SQLITE_FILE_NAME) });
    const [ancient, old, recent] = [recordDaysAgo(500), recordDaysAgo(31), recordDaysAgo(29)];
    await stored.record([ancient, old, recent]);
    await stored.close();

    api = await startApi({ DATA_DIR: data.dir, ADMIN_EMAILS: ADMIN_EMAIL, AUDIT_RETENTION_DAYS: '30' });
    const admin = await registerAndLogIn(api.url, ADMIN_EMAIL);
    const get = as(api.url, admin.accessToken);
    const purges = await eventually(async () => {
      const page = await get('GET', '/api/v1/admin/audit?action=admin.audit_purged');
      return page.body.records?.length > 0 ? (page.body.records as AuditRecord[]) : undefined;
    });
    expect(purges).toEqual([expect.objectContaining({ actor: { id: 'audit-retention', kind: 'system' }, outcome: 'success', details: expect.objectContaining({ purged: 2, retentionDays: 30 }) })]);
    const left = (await get('GET', '/api/v1/admin/audit?actor=someone')).body.records as AuditRecord[];
    expect(left.map((record) => record.id)).toEqual([recent.id]);
  });
});
