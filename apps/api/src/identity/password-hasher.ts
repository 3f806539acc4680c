import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/** argon2id (the library's default algorithm) with its default, OWASP-level costs. */
@Injectable()
export class PasswordHasher {
  // Verified against when the email is unknown, so a login takes as long whether or not the account exists.
  private readonly decoy = hash('decoy password that nobody has');

  hash(password: string): Promise<string> {
    return hash(password);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    const ok = await verify(passwordHash ?? (await this.decoy), password).catch(() => false);
    return passwordHash !== null && ok;
  }
}
