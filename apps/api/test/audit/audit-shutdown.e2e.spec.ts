import { AUDIT_SQLITE_FILE_NAME, SqliteAuditLog } from '@bandpro/audit';
import { join } from 'node:path';
import { startApi, tempDataDir } from '../support/processes';
import { as } from './support/audit-app';

jest.setTimeout(60_000);

describe('the audit buffer at shutdown', () => {
  const data = tempDataDir();
  afterAll(() => data.remove());

  it('should write the records still buffered when the API is stopped with SIGTERM', async () => {
    // A flush interval far beyond the test: only the shutdown flush can have written the record.
    const api = await startApi({ DATA_DIR: data.dir, AUDIT_FLUSH_MS: '60000', AUDIT_BATCH_SIZE: '1000' });
    const refused = await as(api.url)('POST', '/api/v1/auth/login', { email: 'nobody@example.com', password: 'whatever it is' });
    expect(refused.status).toBe(401);
    await api.stop();

    const log = new SqliteAuditLog({ filename: join(data.dir, AUDIT_SQLITE_FILE_NAME) });
    const { records } = await log.query({ limit: 10, action: 'auth.login_failed' });
    await log.close();
    expect(records).toEqual([expect.objectContaining({ actor: null, outcome: 'failure', status: 401 })]);
  });
});
