import { isSealedValue, type SealedValue } from '@bandpro/events';

/** Whose key seals a field: the account the stream belongs to, the email the field holds, or a user named in the event. */
type SubjectRule = { kind: 'account' } | { kind: 'email' } | { kind: 'user'; at: readonly string[] };

interface PersonalField {
  path: readonly string[];
  subject: SubjectRule;
  /** What the field reads as once its subject is erased: a string, so the domain's folds keep working. */
  erased: (subject: string) => string;
}

export const ERASED_NAME = 'Erased user';
/** Distinct per subject, so two erased invitations on one score stay two entries. */
export const erasedEmail = (subject: string) => `erased:${subject}`;

const ACCOUNT: SubjectRule = { kind: 'account' };
const EMAIL: SubjectRule = { kind: 'email' };
const field = (path: readonly string[], subject: SubjectRule, erased: (subject: string) => string): PersonalField => ({ path, subject, erased });
const keyName = field(['name'], ACCOUNT, () => 'erased');

/**
 * Every piece of personal data the API writes into events, by event type (contract G9). Account data is sealed
 * with the account's key; an email outside its account (invitations, member references) with the email's own
 * subject, so it needs no account; a new owner's email with that owner's key. Password hashes stay unsealed:
 * they identify no one, and an erasure cut short must leave its person able to sign in and run it again.
 */
export const PERSONAL_FIELDS: Readonly<Record<string, readonly PersonalField[]>> = {
  AccountRegistered: [field(['email'], ACCOUNT, erasedEmail), field(['displayName'], ACCOUNT, () => ERASED_NAME)],
  ApiKeyCreated: [keyName],
  ApiKeyRevoked: [keyName],
  MemberInvited: [field(['email'], EMAIL, erasedEmail)],
  MemberRoleChanged: [field(['member', 'email'], EMAIL, erasedEmail)],
  MemberRemoved: [field(['member', 'email'], EMAIL, erasedEmail)],
  OwnershipTransferred: [field(['to', 'email'], { kind: 'user', at: ['to', 'userId'] }, erasedEmail)],
};

/** The only streams those events go to: others pass the sealing store untouched, with no per-event work. */
const PERSONAL_STREAM = /^(account-|score-access-)/;

export const mayHoldPersonalData = (streamId: string): boolean => PERSONAL_STREAM.test(streamId);

export interface FieldSealer {
  seal(subject: string, value: string): Promise<SealedValue>;
  emailSubject(email: string): Promise<string>;
}

export interface FieldOpener {
  /** The plaintext, or undefined once the subject is erased. */
  open(value: SealedValue): Promise<string | undefined>;
}

const ACCOUNT_STREAM = /^account-(?!email-)(.+)$/;

/** A copy of `data` with the event type's personal fields sealed; other types come back as they are. */
export async function sealPersonalFields(type: string, streamId: string, data: unknown, sealer: FieldSealer): Promise<unknown> {
  const fields = PERSONAL_FIELDS[type];
  if (fields === undefined || !isRecord(data)) return data;
  if (!mayHoldPersonalData(streamId)) throw new Error(`${type} carries personal data and cannot go to ${streamId}: reads there are not opened`);
  let sealed: Record<string, unknown> = data;
  for (const { path, subject } of fields) {
    const value = valueAt(sealed, path);
    if (typeof value !== 'string') continue;
    const subjectId = await subjectOf(subject, streamId, sealed, value, sealer);
    sealed = withValueAt(sealed, path, await sealer.seal(subjectId, value));
  }
  // Read models cannot open sealed emails: this lets them match an account to the invitations of its email,
  // and lets an erasure find the email's subject and reservation once the email itself is unreadable.
  if (type === 'AccountRegistered' && typeof data['email'] === 'string') sealed = { ...sealed, emailSubject: await sealer.emailSubject(data['email']) };
  return sealed;
}

/** A copy of `data` with every sealed personal field opened, or replaced by its erased placeholder. */
export async function openPersonalFields(type: string, data: unknown, opener: FieldOpener): Promise<unknown> {
  const fields = PERSONAL_FIELDS[type];
  if (fields === undefined || !isRecord(data)) return data;
  let opened: Record<string, unknown> = data;
  for (const { path, erased } of fields) {
    const value = valueAt(opened, path);
    if (!isSealedValue(value)) continue;
    opened = withValueAt(opened, path, (await opener.open(value)) ?? erased(value.$pii.s));
  }
  return opened;
}

async function subjectOf(rule: SubjectRule, streamId: string, data: Record<string, unknown>, value: string, sealer: FieldSealer): Promise<string> {
  switch (rule.kind) {
    case 'email':
      return sealer.emailSubject(value);
    case 'user': {
      const userId = valueAt(data, rule.at);
      if (typeof userId !== 'string') throw new Error(`No user id at ${rule.at.join('.')} to seal with`);
      return userId;
    }
    case 'account': {
      const match = ACCOUNT_STREAM.exec(streamId);
      if (match === null) throw new Error(`${streamId} is not an account stream`);
      return match[1] as string;
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(data: Record<string, unknown>, path: readonly string[]): unknown {
  let value: unknown = data;
  for (const name of path) value = isRecord(value) ? value[name] : undefined;
  return value;
}

function withValueAt(data: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path as [string, ...string[]];
  const child = data[head];
  return { ...data, [head]: rest.length === 0 ? value : withValueAt(isRecord(child) ? child : {}, rest, value) };
}
