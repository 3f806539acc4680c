import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ApiKey } from '@bandpro/domain';
import { ApiError } from '../../common/errors/api-error';
import { AccountStore, apiKeyReservationStream } from '../account.store';
import { newSecret, sameHash, sha256, splitToken } from '../secrets';
import type { CreateApiKeyDto } from './api-keys.dto';

export type ApiKeyView = Omit<ApiKey, 'keyHash'>;

const view = ({ keyHash: _, ...key }: ApiKey): ApiKeyView => key;

@Injectable()
export class ApiKeysService {
  constructor(private readonly accounts: AccountStore) {}

  /** The key is `<keyId>.<secret>`, shown here once; `api-key-<keyId>` names its owner so a request finds the account. */
  async create(userId: string, dto: CreateApiKeyDto): Promise<ApiKeyView & { key: string }> {
    const keyId = randomUUID();
    const secret = newSecret();
    const actor = { id: userId, kind: 'user' as const };
    await this.accounts.reserve(apiKeyReservationStream(keyId), 'ApiKeyReserved', userId, actor, 'API_KEY_EXISTS');
    await this.accounts.execute(userId, {
      type: 'CreateApiKey',
      data: { keyId, name: dto.name, scope: dto.scope, keyHash: sha256(secret) },
      metadata: { actor, at: new Date().toISOString() },
    });
    const created = (await this.accounts.active(userId))?.apiKeys[keyId];
    if (created === undefined) throw new ApiError(500, 'INTERNAL', 'The key vanished');
    return { ...view(created), key: `${keyId}.${secret}` };
  }

  async list(userId: string): Promise<ApiKeyView[]> {
    const account = await this.accounts.active(userId);
    return Object.values(account?.apiKeys ?? {}).map(view);
  }

  async revoke(userId: string, keyId: string): Promise<void> {
    await this.accounts.execute(userId, { type: 'RevokeApiKey', data: { keyId }, metadata: { actor: { id: userId, kind: 'user' }, at: new Date().toISOString() } });
  }

  /** The active key a presented `<keyId>.<secret>` stands for, or null. */
  async verify(presented: string): Promise<{ userId: string; key: ApiKey } | null> {
    const token = splitToken(presented);
    if (token === null) return null;
    const userId = await this.accounts.ownerOf(apiKeyReservationStream(token.id));
    const key = userId === null ? undefined : (await this.accounts.active(userId))?.apiKeys[token.id];
    if (userId === null || key === undefined || key.revokedAt !== null || !sameHash(key.keyHash, sha256(token.secret))) return null;
    return { userId, key };
  }
}
