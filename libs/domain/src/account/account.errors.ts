import { defineError } from '../errors/define-error';
import { ConflictError, InvalidCommandError, NotFoundError } from '../errors/domain-error';

/* Every rule of the account and session aggregates, named as the sentence it enforces. */

export const EmailMustBeValid = defineError('EmailMustBeValid', InvalidCommandError, 'EMAIL_MUST_BE_VALID',
  (d: { email: unknown }) => `Not a valid email address: ${JSON.stringify(d.email)}`);
export const DisplayNameMustBeGiven = defineError('DisplayNameMustBeGiven', InvalidCommandError, 'DISPLAY_NAME_MUST_BE_GIVEN',
  () => 'A display name of 1 to 100 characters is required');
export const ApiKeyScopeMustBeKnown = defineError('ApiKeyScopeMustBeKnown', InvalidCommandError, 'API_KEY_SCOPE_MUST_BE_KNOWN',
  (d: { scope: unknown }) => `An API key scope is 'read' or 'write', got ${JSON.stringify(d.scope)}`);
export const AccountMustNotExist = defineError('AccountMustNotExist', ConflictError, 'ACCOUNT_EXISTS',
  (d: { userId: string }) => `Account ${d.userId} exists already`);
export const AccountMustExist = defineError('AccountMustExist', NotFoundError, 'ACCOUNT_NOT_FOUND',
  () => 'No such account');
export const ApiKeyIdMustBeNew = defineError('ApiKeyIdMustBeNew', ConflictError, 'API_KEY_EXISTS',
  (d: { keyId: string }) => `API key ${d.keyId} exists already`);
export const ApiKeyMustBeActive = defineError('ApiKeyMustBeActive', NotFoundError, 'API_KEY_NOT_FOUND',
  (d: { keyId: string }) => `No active API key ${d.keyId}`);
export const SessionMustNotExist = defineError('SessionMustNotExist', ConflictError, 'SESSION_EXISTS',
  (d: { familyId: string }) => `Session ${d.familyId} exists already`);
export const RefreshTokenMustBeValid = defineError('RefreshTokenMustBeValid', InvalidCommandError, 'REFRESH_TOKEN_INVALID',
  (d: { reason: string }) => `Refresh token refused: ${d.reason}`);
