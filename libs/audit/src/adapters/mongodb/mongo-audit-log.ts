import mongoose, { type Connection } from 'mongoose';
import type { AuditLog } from '../../audit-log.port';
import type { AuditFilter, AuditPage, AuditQuery, AuditRecord } from '../../audit-record';
import { AuditLogUnavailableError } from '../../errors';
import { streamPages, toPage } from '../../shared/paging';
import { atMsOf, normalizeQuery, type NormalizedQuery } from '../../shared/query-rules';

type AuditDocument = { _id: string; atMs: number; actorId: string | null; action: string; scoreId: string | null; record: AuditRecord };

const DUPLICATE_KEY = 11000;

/**
 * The audit log in a MongoDB collection. Thin on purpose: the rules live in ../../shared and are exercised
 * through the memory and SQLite adapters; `_id` never leaves this file.
 */
export class MongoAuditLog implements AuditLog {
  private constructor(private readonly connection: Connection) {}

  static async connect(uri: string): Promise<MongoAuditLog> {
    const connection = await guarded(() => mongoose.createConnection(uri, { writeConcern: { w: 'majority', j: true } }).asPromise());
    const log = new MongoAuditLog(connection);
    await guarded(async () => {
      const leading: Record<string, 1>[] = [{}, { actorId: 1 }, { scoreId: 1 }, { action: 1 }];
      for (const key of leading) await log.records().createIndex({ ...key, atMs: 1, _id: 1 });
    });
    return log;
  }

  async record(records: readonly AuditRecord[]): Promise<void> {
    const documents = records.map((record) => ({
      _id: record.id, atMs: atMsOf(record), actorId: record.actor?.id ?? null, action: record.action, scoreId: record.scoreId ?? null, record,
    }));
    if (documents.length === 0) return;
    await guarded(async () => {
      try {
        await this.records().insertMany(documents, { ordered: false });
      } catch (error) {
        // A retried batch: the records already stored stay as they were.
        if (!isOnlyDuplicates(error)) throw error;
      }
    });
  }

  async query(query: AuditQuery): Promise<AuditPage> {
    const normalized = normalizeQuery(query);
    const documents = await guarded(() => this.records().find(toFilter(normalized)).sort({ atMs: 1, _id: 1 }).limit(normalized.limit + 1).toArray());
    return toPage(documents.map((document) => document.record), normalized.limit);
  }

  stream(filter: AuditFilter): AsyncIterable<AuditRecord> {
    return streamPages((query) => this.query(query), filter);
  }

  async purgeOlderThan(cutoff: Date): Promise<number> {
    return guarded(async () => (await this.records().deleteMany({ atMs: { $lt: cutoff.getTime() } })).deletedCount);
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  private records() {
    return this.connection.collection<AuditDocument>('audit_records');
  }
}

function toFilter(query: NormalizedQuery): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (query.actorId !== undefined) filter['actorId'] = query.actorId;
  if (query.scoreId !== undefined) filter['scoreId'] = query.scoreId;
  if (query.action !== undefined) filter['action'] = query.action;
  const time: Record<string, number> = {};
  if (query.fromMs !== undefined) time['$gte'] = query.fromMs;
  if (query.toMs !== undefined) time['$lt'] = query.toMs;
  if (Object.keys(time).length > 0) filter['atMs'] = time;
  if (query.after !== undefined) {
    filter['$or'] = [{ atMs: { $gt: query.after.atMs } }, { atMs: query.after.atMs, _id: { $gt: query.after.id } }];
  }
  return filter;
}

function isOnlyDuplicates(error: unknown): boolean {
  const writeErrors = (error as { writeErrors?: { code?: number }[] } | null)?.writeErrors;
  return Array.isArray(writeErrors) && writeErrors.length > 0 && writeErrors.every((e) => e.code === DUPLICATE_KEY);
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new AuditLogUnavailableError(`The audit log could not be used: ${error instanceof Error ? error.message : String(error)}`, error);
  }
}
