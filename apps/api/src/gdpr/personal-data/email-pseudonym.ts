import { createHmac } from 'node:crypto';
import { normaliseEmail } from '@bandpro/domain';

/**
 * An email as the log may name it: a keyed HMAC of the normalised address. Without the server secret it
 * cannot be reversed or confirmed by hashing guesses (a plain SHA-256 of an email can).
 */
export class EmailPseudonyms {
  constructor(private readonly secret: string) {}

  of(email: string): string {
    return createHmac('sha256', this.secret).update(normaliseEmail(email)).digest('hex');
  }
}

/** The stream that says which account holds an email: EmailReserved / EmailReleased events. */
export const emailReservationStreamOf = (pseudonym: string) => `account-email-${pseudonym}`;

/**
 * The vault subject of an email outside its account (invitations, failed logins). Each erasure of the person
 * holding the email ends an epoch (EmailReleased), so a new account with that email seals under a new subject:
 * the erased subject can never be used again.
 */
export const emailSubjectOf = (pseudonym: string, epoch: number) => (epoch === 0 ? `email-${pseudonym}` : `email-${pseudonym}.${epoch}`);

/** The reservation stream of the email a subject stands for (`email-<pseudonym>[.<epoch>]`). */
export function reservationStreamOfSubject(subject: string): string {
  const match = /^email-([0-9a-f]{64})(?:\.\d+)?$/.exec(subject);
  if (match === null) throw new Error(`${subject} is not an email subject`);
  return emailReservationStreamOf(match[1] as string);
}
