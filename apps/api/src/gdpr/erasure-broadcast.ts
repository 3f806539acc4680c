import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import type { ApiConfig } from '../config/api.config';
import { API_CONFIG, REDIS } from '../infrastructure/tokens';
import type { PersonalData } from './personal-data/personal-data';
import { PERSONAL_DATA } from './personal-data/sealing-event-store';

/**
 * With REDIS_URL, every API process hears of an erasure made by any of them (Redis pub/sub) and forgets the
 * subject at once: its cached key and the opened copies in memory (folds, names). Without it there is one
 * process, or the others forget keys within the vault's cache lifetime (30 s) and keep other copies until restart.
 */
@Injectable()
export class ErasureBroadcast implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ErasureBroadcast');
  private readonly channel: string;
  private subscriber: Redis | null = null;

  constructor(
    @Inject(REDIS) private readonly redis: Redis | null,
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalData,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.channel = `${config.cachePrefix}erasures`;
  }

  async onModuleInit(): Promise<void> {
    if (this.redis === null) return;
    const publisher = this.redis;
    this.personalData.vault.addErasureListener({ purgeSubject: async (subject) => void (await publisher.publish(this.channel, subject)) });
    this.subscriber = publisher.duplicate();
    this.subscriber.on('message', (_channel: string, subject: string) => this.personalData.forget(subject));
    this.subscriber.on('error', (error: Error) => this.logger.warn(`Erasure announcements: ${error.message}`));
    await this.subscriber.subscribe(this.channel);
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscriber?.quit().catch(() => undefined);
  }
}
