import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ThrottlerModule } from '@nestjs/throttler';
import type Redis from 'ioredis';
import { AuditModule } from './audit/audit.module';
import { ApiExceptionFilter } from './common/errors/api-exception.filter';
import { RejectUnsafeInputPipe } from './common/validation/reject-unsafe-input.pipe';
import { createValidationPipe } from './common/validation/validation';
import type { ApiConfig } from './config/api.config';
import { HealthModule } from './health/health.module';
import { HistoryModule } from './history/history.module';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { ActorThrottlerGuard } from './infrastructure/throttling/actor-throttler.guard';
import { MemoryThrottlerStorage } from './infrastructure/throttling/memory-throttler-storage';
import { RedisThrottlerStorage } from './infrastructure/throttling/redis-throttler-storage';
import { REDIS } from './infrastructure/tokens';
import { ScoresModule } from './scores/scores.module';
import { ExportsModule } from './exports/exports.module';
import { AnalysisModule } from './analysis/analysis.module';
import { IdentityModule } from './identity/identity.module';
import { SharingModule } from './sharing/sharing.module';
import { GdprModule } from './gdpr/gdpr.module';

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // The environment was validated by loadApiConfig before Nest started; modules read it from here.
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ api: config })] }),
        InfrastructureModule.forRoot(config),
        CqrsModule.forRoot(),
        ThrottlerModule.forRootAsync({
          inject: [REDIS],
          useFactory: (redis: Redis | null) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: config.rateLimitPerMinute }],
            storage: redis ? new RedisThrottlerStorage(redis) : new MemoryThrottlerStorage(),
          }),
        }),
        IdentityModule,
        SharingModule,
        ScoresModule,
        HistoryModule,
        ExportsModule,
        AnalysisModule,
        HealthModule,
        AuditModule,
        GdprModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: ActorThrottlerGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_PIPE, useClass: RejectUnsafeInputPipe },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
