import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { IdentityModule } from '../identity/identity.module';
import { AccessController } from './access.controller';
import { AccessService } from './access.service';
import { AccessStore } from './access.store';
import { ScoreRoleGuard } from './score-role.guard';

/** Score access lists and share links; registers the global ScoreRoleGuard. Needs InfrastructureModule. */
@Module({
  imports: [IdentityModule],
  controllers: [AccessController],
  providers: [AccessStore, AccessService, { provide: APP_GUARD, useClass: ScoreRoleGuard }],
  exports: [AccessStore],
})
export class SharingModule {}
