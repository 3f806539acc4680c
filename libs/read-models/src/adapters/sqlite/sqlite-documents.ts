import type { SerialisedChange } from '../../shared/commit-rules';
import { assembledDoc, type SplitField, type StoredDoc } from './split-docs';
import type { DocRow, SqliteStatements } from './sqlite-statements';

/** What this store last wrote of a document with split fields: the row (as of which commit) and each item's JSON. */
export interface WrittenDoc {
  /** The row's written_at. */
  position: number;
  json: string;
  /** The row's split column. */
  fields: string;
  items: ReadonlyMap<string, readonly string[]>;
}

/** What a commit wrote, to remember once it has committed; undefined: nothing to remember of that document. */
export type WrittenDocs = Map<string, WrittenDoc | undefined>;

/** Documents a projector keeps rewriting are a few hundred at most (its cache holds 500). */
const REMEMBERED_DOCS = 1000;

/**
 * Writes documents the way split-docs stores them. For a document with split fields it writes
 * only the items whose JSON differs from what it remembers writing, and only when the row is still
 * the one it wrote (written_at = that commit's position, which no other commit of the generation
 * can have: checkpoints only move forward). Any other writer, a rollback or a forgotten document
 * means every item is written again.
 */
export class SqliteDocWriter {
  private readonly written = new Map<string, WrittenDoc>();

  constructor(private readonly sql: SqliteStatements) {}

  /** Inside the commit's transaction; pass what it returns to committed() once the transaction has committed. */
  write(generation: number, changes: readonly SerialisedChange<StoredDoc>[], position: number): WrittenDocs {
    const written: WrittenDocs = new Map();
    for (const { collection, id, json } of changes) {
      const key = docKey(generation, collection, id);
      if (json?.split) {
        written.set(key, this.writeSplit(generation, collection, id, { json: json.json, split: json.split }, position));
        continue;
      }
      if (json === null) this.remove(generation, collection, id);
      else this.writeUnsplit(generation, collection, id, json.json, position);
      written.set(key, undefined);
    }
    return written;
  }

  committed(written: WrittenDocs): void {
    for (const [key, doc] of written) {
      this.written.delete(key);
      if (doc) this.written.set(key, doc);
    }
    for (const key of this.written.keys()) {
      if (this.written.size <= REMEMBERED_DOCS) break;
      this.written.delete(key);
    }
  }

  /** After rows were deleted behind the documents' back (a generation dropped). */
  forgetAll(): void {
    this.written.clear();
  }

  private remove(generation: number, collection: string, id: string): void {
    this.sql.deleteDoc.run(generation, collection, id);
    this.sql.deleteDocItems.run(generation, collection, id);
  }

  private writeUnsplit(generation: number, collection: string, id: string, json: string, position: number): void {
    if (this.sql.updateUnsplitDoc.run(json, position, generation, collection, id).changes === 1) return;
    this.sql.upsertDoc.run(generation, collection, id, json, null, position);
    this.sql.deleteDocItems.run(generation, collection, id);
  }

  private writeSplit(generation: number, collection: string, id: string, doc: { json: string; split: readonly SplitField[] }, position: number): WrittenDoc {
    const key = docKey(generation, collection, id);
    const before = this.written.get(key);
    const fields = JSON.stringify(doc.split.map(({ field }) => field));
    const put = (field: string, index: number, json: string) => this.sql.putItem.run(generation, collection, id, field, index, json);
    const after = { json: doc.json, fields, items: new Map(doc.split.map(({ field, items }) => [field, items])) };
    if (before && this.stillAsWritten(before, after, generation, collection, id, position)) {
      for (const { field, items } of doc.split) {
        const old = before.items.get(field) ?? [];
        items.forEach((json, index) => json !== old[index] && put(field, index, json));
        if (old.length > items.length) this.sql.deleteItemsFrom.run(generation, collection, id, field, items.length);
      }
      for (const field of before.items.keys()) {
        if (!after.items.has(field)) this.sql.deleteItemsFrom.run(generation, collection, id, field, 0);
      }
      // The row keeps the position it was last written at when it did not change: that is what the next check looks for.
      return { ...after, position: before.json === doc.json && before.fields === fields ? before.position : position };
    }
    this.sql.upsertDoc.run(generation, collection, id, doc.json, fields, position);
    this.sql.deleteDocItems.run(generation, collection, id);
    for (const { field, items } of doc.split) items.forEach((json, index) => put(field, index, json));
    return { ...after, position };
  }

  /**
   * Whether the row is still the one `before` wrote, so its items are what `before` remembers;
   * rewrites the row (moving written_at to `position`) unless it is unchanged, which spares the
   * page it sits on when an edit only changed items.
   */
  private stillAsWritten(before: WrittenDoc, after: Omit<WrittenDoc, 'position'>, generation: number, collection: string, id: string, position: number): boolean {
    if (before.json === after.json && before.fields === after.fields) {
      return this.sql.docWrittenAt.get(generation, collection, id)?.written_at === before.position;
    }
    return this.sql.updateDocWrittenAt.run(after.json, after.fields, position, generation, collection, id, before.position).changes === 1;
  }
}

/** The document of a row, its split fields' items read back in. */
export function readDoc<Doc>(sql: SqliteStatements, row: DocRow): Doc {
  if (row.split === null) return JSON.parse(row.doc) as Doc;
  return assembledDoc<Doc>(row.doc, sql.docItems.all(row.generation, row.collection, row.id));
}

function docKey(generation: number, collection: string, id: string): string {
  return `${generation}\u0000${collection}\u0000${id}`;
}
