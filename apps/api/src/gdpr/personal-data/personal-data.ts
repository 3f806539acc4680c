import {
  MongoKeyStore, PersonalDataVault, SqliteKeyStore, SubjectErasedError,
  type EventStore, type KeyStore, type SealedValue,
} from '@bandpro/events';
import { ApiError } from '../../common/errors/api-error';
import { EmailPseudonyms, emailReservationStreamOf, emailSubjectOf } from './email-pseudonym';
import type { FieldOpener, FieldSealer } from './personal-fields';
import type { PersonalDataConfig } from './personal-data.config';

export const EMAIL_RELEASED = 'EmailReleased';

/**
 * The API's one handle on personal data: the vault (seal, open, erase; keys outside the log) and the email
 * pseudonyms. `store` is the raw event store, read to learn an email's current subject epoch.
 */
export class PersonalData implements FieldSealer, FieldOpener {
  private readonly forgetters: ((subject: string) => void)[] = [];

  constructor(
    readonly vault: PersonalDataVault,
    readonly pseudonyms: EmailPseudonyms,
    private readonly store: EventStore,
    private readonly closeKeys: () => Promise<void>,
  ) {
    vault.addErasureListener({ purgeSubject: (subject) => this.forget(subject) });
  }

  /**
   * In-memory copies of opened data (name caches, folds) register here: they are dropped when a subject is erased
   * through this process, and when another process announces an erasure (see ErasureBroadcast).
   */
  onErased(forget: (subject: string) => void): void {
    this.forgetters.push(forget);
  }

  /** Forgets what this process remembers of an erased subject: its cached key and every registered copy. */
  forget(subject: string): void {
    this.vault.forgetKeys(subject);
    for (const forget of this.forgetters) forget(subject);
  }

  async seal(subject: string, value: string): Promise<SealedValue> {
    try {
      return await this.vault.seal(subject, value);
    } catch (error) {
      if (error instanceof SubjectErasedError) throw new ApiError(409, 'PERSON_ERASED', 'That person erased their data: nothing more can be stored about them');
      throw error;
    }
  }

  async open(value: SealedValue): Promise<string | undefined> {
    const opened = await this.vault.open(value);
    return typeof opened === 'string' ? opened : undefined;
  }

  emailStream(email: string): string {
    return emailReservationStreamOf(this.pseudonyms.of(email));
  }

  /** The subject an email is sealed with now: one epoch per erasure of an account that held it. */
  async emailSubject(email: string): Promise<string> {
    const pseudonym = this.pseudonyms.of(email);
    let epoch = 0;
    for await (const event of this.store.readStream(emailReservationStreamOf(pseudonym))) if (event.type === EMAIL_RELEASED) epoch += 1;
    return emailSubjectOf(pseudonym, epoch);
  }

  close(): Promise<void> {
    return this.closeKeys();
  }
}

/** SQLite keys beside the data by default; MongoDB (in a database of their own) with MONGODB_URI. */
export async function createPersonalData(config: PersonalDataConfig, store: EventStore): Promise<PersonalData> {
  const { keys, close } = await createKeyStore(config);
  return new PersonalData(new PersonalDataVault(keys), new EmailPseudonyms(config.pseudonymSecret), store, close);
}

async function createKeyStore(config: PersonalDataConfig): Promise<{ keys: KeyStore; close: () => Promise<void> }> {
  if (!config.mongodbUri) {
    const keys = new SqliteKeyStore(config.keyStoreFile);
    return { keys, close: () => keys.close() };
  }
  const { default: mongoose } = await import('mongoose');
  const connection = await mongoose.createConnection(config.mongodbUri, { dbName: config.mongoKeyDatabase }).asPromise();
  return { keys: new MongoKeyStore(connection), close: () => connection.close() };
}
