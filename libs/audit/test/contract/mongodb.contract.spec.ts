import mongoose from 'mongoose';
import { MongoAuditLog } from '../../src';
import { describeAuditLogContract } from './audit-log.contract';

// No MongoDB server or Docker runs on the dev machines; point MONGODB_URI at one to run the contract.
const uri = process.env['MONGODB_URI'];
const SKIP_MESSAGE = 'MongoDB audit log: skipped (no MONGODB_URI)';

if (uri) {
  describeAuditLogContract('MongoDB', async () => {
    const databaseUri = withDatabase(uri, `bandpro_audit_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`);
    const log = await MongoAuditLog.connect(databaseUri);
    return {
      log,
      dispose: async () => {
        await log.close();
        const connection = await mongoose.createConnection(databaseUri).asPromise();
        await connection.dropDatabase();
        await connection.close();
      },
    };
  });
} else {
  // Straight to the terminal: Jest drops console output of suites whose tests all skip.
  process.stdout.write(`${SKIP_MESSAGE}\n`);
  describe.skip(`AuditLog contract: MongoDB — ${SKIP_MESSAGE}`, () => {
    it('runs the contract against a MongoDB server', () => undefined);
  });
}

function withDatabase(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}
