import type { AuditRecord } from '@bandpro/audit';
import { isSealedValue, SubjectErasedError, type PersonalDataVault } from '@bandpro/events';

/**
 * Audit records keep who did what in plain, but the client's address and user agent are personal data: they
 * are sealed with the person's key (contract G9) into `details.client`, so erasing the person shreds them while
 * the record itself stays as it was written. Records tied to nobody (an anonymous call naming no email) keep
 * them in plain: there is no one to erase them for.
 */
export async function sealAuditRecord(record: AuditRecord, vault: PersonalDataVault): Promise<AuditRecord> {
  const subject = subjectOf(record);
  if (subject === undefined || (record.ip === null && record.userAgent === null)) return record;
  const withoutClient = { ...record, ip: null, userAgent: null };
  try {
    return { ...withoutClient, details: { ...record.details, client: await vault.seal(subject, { ip: record.ip, userAgent: record.userAgent }) } };
  } catch (error) {
    // Recorded after its person was erased (the erasure request itself): the address is simply not kept.
    if (error instanceof SubjectErasedError) return withoutClient;
    throw error;
  }
}

/** The record as it was seen, for those allowed to read it: the client opened, or null once its person is erased. */
export async function openAuditRecord(record: AuditRecord, vault: PersonalDataVault): Promise<AuditRecord> {
  const { client, ...details } = record.details;
  if (!isSealedValue(client)) return record;
  const opened = await vault.open(client);
  const { ip = null, userAgent = null } = isClient(opened) ? opened : {};
  return { ...record, ip, userAgent, details };
}

/** Whose record it is: the user, the user an API key acts for, or the email a failed login tried. */
function subjectOf(record: AuditRecord): string | undefined {
  if (record.actor?.kind === 'user') return record.actor.id;
  const { userId, emailSubject } = record.details;
  if (record.actor?.kind === 'api-key' && typeof userId === 'string') return userId;
  if (record.actor === null && typeof emailSubject === 'string') return emailSubject;
  return undefined;
}

function isClient(value: unknown): value is { ip: string | null; userAgent: string | null } {
  return typeof value === 'object' && value !== null && 'ip' in value && 'userAgent' in value;
}
