import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { SnapshotPurger, type EventStore, type SnapshotStore } from '@bandpro/events';
import { AuditModule } from '../audit/audit.module';
import { IdentityModule } from '../identity/identity.module';
import { StreamFolds } from '../infrastructure/stream-folds';
import { EVENT_STORE, SNAPSHOT_STORE } from '../infrastructure/tokens';
import { AccessService } from '../sharing/access.service';
import { SharingModule } from '../sharing/sharing.module';
import { DataExportController } from './data-export/data-export.controller';
import { DataExportService } from './data-export/data-export.service';
import { EraseMeController } from './erase-me/erase-me.controller';
import { EraseMeService } from './erase-me/erase-me.service';
import { ErasureBroadcast } from './erasure-broadcast';
import { MyFootprint } from './my-footprint';
import type { PersonalData } from './personal-data/personal-data';
import { PERSONAL_DATA, rawStoreOf } from './personal-data/sealing-event-store';

/** Export my data, erase me. Registers what must be purged when someone is erased. Needs InfrastructureModule. */
@Module({
  imports: [IdentityModule, SharingModule, AuditModule],
  controllers: [DataExportController, EraseMeController],
  // AccessService is stateless: this module's own instance runs the ownership transfers of an erasure.
  providers: [MyFootprint, DataExportService, EraseMeService, AccessService, ErasureBroadcast],
})
export class GdprModule implements OnModuleInit {
  constructor(
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalData,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SNAPSHOT_STORE) private readonly snapshots: SnapshotStore,
    private readonly folds: StreamFolds,
  ) {}

  onModuleInit(): void {
    const { vault } = this.personalData;
    vault.addErasureListener(new SnapshotPurger({ store: rawStoreOf(this.store), snapshots: this.snapshots }));
    // Folds of access lists are keyed by opened emails: refolded after the erasure, the person's read as erased.
    this.personalData.onErased(() => this.folds.clear());
  }
}
