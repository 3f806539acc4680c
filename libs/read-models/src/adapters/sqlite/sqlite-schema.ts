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
  UNIQUE (generation, collection, id)
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

/** The rows of the active generation of the projection that owns `collection` (joins on c, g, d). */
export const ACTIVE_DOCS = `
FROM rm_collections c
JOIN rm_generations g ON g.projection = c.projection AND g.status = 'active'
JOIN rm_documents d ON d.generation = g.generation AND d.collection = c.collection
WHERE c.collection = ?`;
