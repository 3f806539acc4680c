import type { SqliteDatabase } from '@bandpro/events';
import { ACTIVE_DOCS } from './sqlite-schema';

export interface GenerationRow {
  generation: number;
  projection: string;
  version: number;
  status: 'building' | 'active' | 'retired';
  position: number;
  recorded_at: string | null;
}

export interface LeaseRow {
  projection: string;
  owner_id: string;
  expires_at: number;
}

export interface DeadLetterRow {
  projection: string;
  position: number;
  event_id: string;
  type: string;
  error: string;
  failed_at: string;
}

/** Every fixed statement, prepared once per store. */
export function prepareStatements(db: SqliteDatabase) {
  const p = <Params extends unknown[], Row = unknown>(sql: string) => db.prepare<Params, Row>(sql);
  return {
    activeDoc: p<[string, string], { doc: string }>(`SELECT d.doc ${ACTIVE_DOCS} AND d.id = ?`),
    generationDocs: p<[number, string, string], { id: string; doc: string }>(
      `SELECT id, doc FROM rm_documents WHERE generation = ? AND collection = ? AND id IN (SELECT value FROM json_each(?))`,
    ),
    upsertDoc: p<[number, string, string, string]>(
      `INSERT INTO rm_documents (generation, collection, id, doc) VALUES (?, ?, ?, ?)
       ON CONFLICT (generation, collection, id) DO UPDATE SET doc = excluded.doc`,
    ),
    deleteDoc: p<[number, string, string]>(`DELETE FROM rm_documents WHERE generation = ? AND collection = ? AND id = ?`),
    deleteGenerationDocs: p<[number]>(`DELETE FROM rm_documents WHERE generation = ?`),

    generation: p<[number], GenerationRow>(`SELECT * FROM rm_generations WHERE generation = ?`),
    activeGeneration: p<[string], GenerationRow>(`SELECT * FROM rm_generations WHERE projection = ? AND status = 'active'`),
    generationsOf: p<[string], GenerationRow>(`SELECT * FROM rm_generations WHERE projection = ? ORDER BY generation`),
    insertGeneration: p<[string, number]>(`INSERT INTO rm_generations (projection, version, status) VALUES (?, ?, 'building')`),
    retireActive: p<[string]>(`UPDATE rm_generations SET status = 'retired' WHERE projection = ? AND status = 'active'`),
    markActive: p<[number]>(`UPDATE rm_generations SET status = 'active' WHERE generation = ?`),
    setCheckpoint: p<[number, string | null, number]>(`UPDATE rm_generations SET position = ?, recorded_at = ? WHERE generation = ?`),
    deleteGeneration: p<[number]>(`DELETE FROM rm_generations WHERE generation = ?`),

    ownerOf: p<[string], { projection: string }>(`SELECT projection FROM rm_collections WHERE collection = ?`),
    claim: p<[string, string]>(`INSERT OR IGNORE INTO rm_collections (collection, projection) VALUES (?, ?)`),

    lease: p<[string], LeaseRow>(`SELECT * FROM rm_leases WHERE projection = ?`),
    putLease: p<[string, string, number]>(
      `INSERT INTO rm_leases (projection, owner_id, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (projection) DO UPDATE SET owner_id = excluded.owner_id, expires_at = excluded.expires_at`,
    ),
    deleteLease: p<[string, string]>(`DELETE FROM rm_leases WHERE projection = ? AND owner_id = ?`),

    putDeadLetter: p<[string, number, string, string, string, string]>(
      `INSERT OR REPLACE INTO rm_dead_letters (projection, position, event_id, type, error, failed_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    deadLetters: p<[string], DeadLetterRow>(`SELECT * FROM rm_dead_letters WHERE projection = ? ORDER BY position`),
  };
}

export type SqliteStatements = ReturnType<typeof prepareStatements>;
