import { Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { createAuditLog, type AuditLog } from '@bandpro/audit';
import type Redis from 'ioredis';
import type { ApiConfig } from '../config/api.config';
import { IdentityModule } from '../identity/identity.module';
import { API_CONFIG, REDIS } from '../infrastructure/tokens';
import { AdminAuditController } from './admin-audit.controller';
import { AdminGuard } from './admin.guard';
import { AuditPurgeService, PURGE_LOCK } from './audit-purge.service';
import { AuditRecorder } from './audit-recorder';
import { AUDIT_CONFIG, loadAuditConfig } from './audit.config';
import { AuditHttp } from './audit-http';
import { AUDIT_CLOCK, AUDIT_LOG } from './audit.tokens';
import { PurgeLock } from './purge-lock';

/** The audit log: records requests (Fastify hooks, audit-http.ts), serves it to admins, purges it by retention. Needs InfrastructureModule. */
@Module({
  imports: [IdentityModule, DiscoveryModule],
  controllers: [AdminAuditController],
  providers: [
    { provide: AUDIT_CONFIG, useFactory: () => loadAuditConfig(process.env) },
    { provide: AUDIT_CLOCK, useValue: () => new Date() },
    { provide: AUDIT_LOG, inject: [API_CONFIG], useFactory: (config: ApiConfig) => createAuditLog({ dataDir: config.dataDir, mongodbUri: config.mongodbUri }) },
    { provide: PURGE_LOCK, inject: [REDIS], useFactory: (redis: Redis | null) => new PurgeLock(redis, 'bandpro:audit:purge-lock') },
    AuditRecorder,
    AuditPurgeService,
    AdminGuard,
    AuditHttp,
  ],
  // AuditHttp for http-setup, which attaches its Fastify hooks.
  exports: [AUDIT_LOG, AuditRecorder, AuditHttp],
})
export class AuditModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(AUDIT_LOG) private readonly log: AuditLog,
    private readonly recorder: AuditRecorder,
    private readonly purge: AuditPurgeService,
  ) {}

  onApplicationBootstrap(): void {
    this.purge.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.purge.stop();
    await this.recorder.stop();
    await this.log.close();
  }
}
