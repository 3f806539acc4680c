import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIT_SQLITE_FILE_NAME, SqliteAuditLog } from '../../src';
import { describeAuditLogContract } from './audit-log.contract';

describeAuditLogContract('SQLite file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bandpro-audit-'));
  const log = new SqliteAuditLog({ filename: join(dir, AUDIT_SQLITE_FILE_NAME) });
  return {
    log,
    dispose: async () => {
      await log.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
