import { join } from 'node:path';
import type { AuditLog } from './audit-log.port';
import { AUDIT_SQLITE_FILE_NAME, SqliteAuditLog } from './adapters/sqlite/sqlite-audit-log';

export interface AuditLogConfig {
  /** A MongoDB URI: when given, the audit log is a collection there. */
  mongodbUri?: string;
  /** Else SQLite, in `${dataDir}/audit.sqlite`. */
  dataDir?: string;
}

/** MongoDB when a URI is given, else SQLite beside the event log. */
export async function createAuditLog(config: AuditLogConfig = {}): Promise<AuditLog> {
  if (config.mongodbUri) {
    // Loaded on demand: SQLite-only processes skip mongoose's start-up cost.
    const { MongoAuditLog } = await import('./adapters/mongodb/mongo-audit-log');
    return MongoAuditLog.connect(config.mongodbUri);
  }
  return new SqliteAuditLog({ filename: join(config.dataDir ?? './data', AUDIT_SQLITE_FILE_NAME) });
}
