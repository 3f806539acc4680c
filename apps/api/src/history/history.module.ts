import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { ActorNames } from './actor-names';
import { ChangeLog } from './change-log';
import { ChangeWriter } from './change-writer';
import { DiffController } from './diff/diff.controller';
import { HistoryPageController } from './page/history-page.controller';
import { HistoryPageService } from './page/history-page.service';
import { RestoreVersionController } from './restore/restore.controller';
import { VersionTagsController } from './tags/version-tags.controller';
import { VersionTagsService } from './tags/version-tags.service';
import { UndoRedoController } from './undo/undo-redo.controller';

/** Time travel over the event log: history, diff, restore, per-user undo/redo, named versions. */
@Module({
  imports: [IdentityModule],
  controllers: [HistoryPageController, DiffController, RestoreVersionController, UndoRedoController, VersionTagsController],
  providers: [ChangeLog, ChangeWriter, ActorNames, HistoryPageService, VersionTagsService],
})
export class HistoryModule {}
