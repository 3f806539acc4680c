import type { SqliteDatabase } from '@bandpro/events';
import { ACTIVE_DOCS } from './sqlite-schema';
import type { ItemRow } from './split-docs';

export interface GenerationRow {
  generation: number;
  projection: string;
  version: number;
  status: 'building' | 'active' | 'retired';
  position: number;
  recorded_at: string | null;
}

/** A document row; `split` lists the fields whose items are rows of rm_document_items. */
export interface DocRow {
  generation: number;
  collection: string;
  id: string;
  doc: string;
  split: string | null;
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
    activeDoc: p<[string, string], DocRow>(`SELECT d.generation, d.collection, d.id, d.doc, d.split ${ACTIVE_DOCS} AND d.id = ?`),
    generationDocs: p<[number, string, string], DocRow>(
      `SELECT generation, collection, id, doc, split FROM rm_documents WHERE generation = ? AND collection = ? AND id IN (SELECT value FROM json_each(?))`,
    ),
    upsertDoc: p<[number, string, string, string, string | null, number]>(
      `INSERT INTO rm_documents (generation, collection, id, doc, split, written_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (generation, collection, id) DO UPDATE SET doc = excluded.doc, split = excluded.split, written_at = excluded.written_at`,
    ),
    /** Changes nothing when the row has split fields: their items must go too. */
    updateUnsplitDoc: p<[string, number, number, string, string]>(
      `UPDATE rm_documents SET doc = ?, written_at = ? WHERE generation = ? AND collection = ? AND id = ? AND split IS NULL`,
    ),
    /** Changes nothing unless the row is still as the commit at the given position wrote it. */
    updateDocWrittenAt: p<[string, string | null, number, number, string, string, number]>(
      `UPDATE rm_documents SET doc = ?, split = ?, written_at = ? WHERE generation = ? AND collection = ? AND id = ? AND written_at = ?`,
    ),
    docWrittenAt: p<[number, string, string], { written_at: number | null }>(
      `SELECT written_at FROM rm_documents WHERE generation = ? AND collection = ? AND id = ?`,
    ),
    deleteDoc: p<[number, string, string]>(`DELETE FROM rm_documents WHERE generation = ? AND collection = ? AND id = ?`),
    deleteGenerationDocs: p<[number]>(`DELETE FROM rm_documents WHERE generation = ?`),

    docItems: p<[number, string, string], ItemRow>(
      `SELECT field, json FROM rm_document_items WHERE generation = ? AND collection = ? AND id = ? ORDER BY field, idx`,
    ),
    putItem: p<[number, string, string, string, number, string]>(
      `INSERT INTO rm_document_items (generation, collection, id, field, idx, json) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (generation, collection, id, field, idx) DO UPDATE SET json = excluded.json`,
    ),
    deleteItemsFrom: p<[number, string, string, string, number]>(
      `DELETE FROM rm_document_items WHERE generation = ? AND collection = ? AND id = ? AND field = ? AND idx >= ?`,
    ),
    deleteDocItems: p<[number, string, string]>(`DELETE FROM rm_document_items WHERE generation = ? AND collection = ? AND id = ?`),
    deleteGenerationItems: p<[number]>(`DELETE FROM rm_document_items WHERE generation = ?`),

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
