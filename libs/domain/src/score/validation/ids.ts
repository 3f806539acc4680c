import { IdMustBeWellFormed } from '../rules/rule-errors';

const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GENERATED = /^(.+):([1-9][0-9]{0,3})$/;

/** A ULID or a UUID: the ids clients choose (UUIDv7 or ULID in practice). */
export function isClientId(id: unknown): id is string {
  return typeof id === 'string' && (ULID.test(id) || UUID.test(id));
}

/** A client id, or `<client id>:<n>`, the shape of the rests a command generates from one of its ids. */
export function isElementId(id: unknown): id is string {
  if (isClientId(id)) return true;
  const generated = typeof id === 'string' ? GENERATED.exec(id) : null;
  return generated !== null && isClientId(generated[1]);
}

export function requireClientId(field: string, id: unknown): string {
  if (!isClientId(id)) throw new IdMustBeWellFormed({ field, id });
  return id;
}

/** Existing elements may carry generated ids (rests); new ones from clients never do. */
export function requireElementId(field: string, id: unknown): string {
  if (!isElementId(id)) throw new IdMustBeWellFormed({ field, id });
  return id;
}

/** The ids of the rests one command generates: `<seed>:1`, `<seed>:2`, ... */
export function generatedIds(seed: string): () => string {
  let n = 0;
  return () => `${seed}:${++n}`;
}
