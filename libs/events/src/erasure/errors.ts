/** Base of the typed errors of personal-data handling. */
export abstract class PersonalDataError extends Error {
  abstract readonly code: string;
}

/** The subject was erased: nothing more may be sealed for them. */
export class SubjectErasedError extends PersonalDataError {
  readonly code = 'SUBJECT_ERASED';
  constructor(readonly subjectId: string) {
    super(`Subject ${subjectId} has been erased`);
    this.name = 'SubjectErasedError';
  }
}

/** A sealed value whose key exists but which does not decrypt: tampered with, or malformed. */
export class UnreadableSealedValueError extends PersonalDataError {
  readonly code = 'SEALED_VALUE_UNREADABLE';
  constructor(readonly subjectId: string, override readonly cause?: unknown) {
    super(`A sealed value of subject ${subjectId} does not decrypt`);
    this.name = 'UnreadableSealedValueError';
  }
}

export class InvalidSubjectIdError extends PersonalDataError {
  readonly code = 'INVALID_SUBJECT_ID';
  constructor(readonly subjectId: unknown) {
    super(`A subject id must be a non-empty string, got ${JSON.stringify(subjectId)}`);
    this.name = 'InvalidSubjectIdError';
  }
}

/** The key is gone, but some erasure listeners failed; erasing again retries them. */
export class ErasureIncompleteError extends PersonalDataError {
  readonly code = 'ERASURE_INCOMPLETE';
  constructor(readonly subjectId: string, readonly failures: readonly unknown[]) {
    super(`Erasure of ${subjectId}: ${failures.length} listener(s) failed to purge`);
    this.name = 'ErasureIncompleteError';
  }
}
