import { MemoryAuditLog } from '../../src';
import { describeAuditLogContract } from './audit-log.contract';

describeAuditLogContract('memory', async () => {
  const log = new MemoryAuditLog();
  return { log, dispose: () => log.close() };
});
