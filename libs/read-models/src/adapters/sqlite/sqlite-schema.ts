import type { SqliteDatabase } from '@bandpro/events';

/**
 * Read model tables, prefixed rm_ so they can live in the same file as the event log.
 * A document row belongs to one generation; readers reach the active generation of a collection
 * through its owning projection in a single statement, so a swap is atomic for them.
 */
export const READ_MODEL_SCHEMA = `
CREATE TABLE IF NOT EXISTS rm_generations (
  generation  INTEGER PRIMARY KEY AUTOINCREMENT,
  projection  TEXT    NOT NULL,
  version     INTEGER NOT NULL,
  status      TEXT    NOT NULL CHECK (status IN ('building', 'active', 'retired')),
  position    INTEGER NOT NULL DEFAULT 0,
  recorded_at TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS rm_generations_one_active ON rm_generations (projection) WHERE status = 'active';

CREATE TABLE IF NOT EXISTS rm_collections (
  collection TEXT PRIMARY KEY,
  projection TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS rm_documents (
  generation INTEGER NOT NULL,
  collection TEXT    NOT NULL,
  id         TEXT    NOT NULL,
  doc        TEXT    NOT NULL,
  split      TEXT,
  written_at INTEGER,
  UNIQUE (generation, collection, id)
);

CREATE TABLE IF NOT EXISTS rm_document_items (
  generation INTEGER NOT NULL,
  collection TEXT    NOT NULL,
  id         TEXT    NOT NULL,
  field      TEXT    NOT NULL,
  idx        INTEGER NOT NULL,
  json       TEXT    NOT NULL,
  PRIMARY KEY (generation, collection, id, field, idx)
);

CREATE TABLE IF NOT EXISTS rm_leases (
  projection TEXT PRIMARY KEY,
  owner_id   TEXT    NOT NULL,
  expires_at INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS rm_dead_letters (
  projection TEXT    NOT NULL,
  position   INTEGER NOT NULL,
  event_id   TEXT    NOT NULL,
  type       TEXT    NOT NULL,
  error      TEXT    NOT NULL,
  failed_at  TEXT    NOT NULL,
  PRIMARY KEY (projection, position)
);
`;

/**
 * Columns of rm_documents that files written by an older version lack. split: the fields whose
 * items are rows of rm_document_items (a JSON list of names; null when none); written_at: the
 * checkpoint position of the commit that last wrote the row, which tells a writer whether the
 * items are still the ones it remembers writing.
 */
const LATER_DOCUMENT_COLUMNS = [
  ['split', 'TEXT'],
  ['written_at', 'INTEGER'],
] as const;

/** Creates what is missing: tables, then the columns a file written by an older version lacks. */
export function setUpReadModelSchema(db: SqliteDatabase): void {
  db.exec(READ_MODEL_SCHEMA);
  if (missingColumns(db).length === 0) return;
  // Looked at again under the write lock: another process opening the file may have added them meanwhile.
  db.transaction(() => {
    for (const [name, type] of missingColumns(db)) db.exec(`ALTER TABLE rm_documents ADD COLUMN ${name} ${type}`);
  }).immediate();
}

function missingColumns(db: SqliteDatabase) {
  const columns = db.pragma('table_info(rm_documents)') as { name: string }[];
  const present = new Set(columns.map((column) => column.name));
  return LATER_DOCUMENT_COLUMNS.filter(([name]) => !present.has(name));
}

/** The rows of the active generation of the projection that owns `collection` (joins on c, g, d). */
export const ACTIVE_DOCS = `
FROM rm_collections c
JOIN rm_generations g ON g.projection = c.projection AND g.status = 'active'
JOIN rm_documents d ON d.generation = g.generation AND d.collection = c.collection
WHERE c.collection = ?`;
