import { InvalidAuditQueryError } from '../errors';

/** A position in the (time, id) order: the last record of a page. */
export interface AuditPosition {
  atMs: number;
  id: string;
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Opaque to clients; it only names where the previous page ended, so a page never shifts when records are added. */
export function encodeAuditCursor(position: AuditPosition): string {
  return Buffer.from(`${position.atMs}.${position.id}`, 'utf8').toString('base64url');
}

export function decodeAuditCursor(cursor: string): AuditPosition {
  const [atText, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('.');
  const atMs = Number(atText);
  if (rest.length > 0 || !Number.isSafeInteger(atMs) || atMs < 0 || id === undefined || !ID.test(id)) {
    throw new InvalidAuditQueryError('The cursor is not one this API returned');
  }
  return { atMs, id };
}

export function isAuditCursor(cursor: string): boolean {
  try {
    decodeAuditCursor(cursor);
    return true;
  } catch {
    return false;
  }
}
