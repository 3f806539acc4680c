import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SharingModule } from '../sharing/sharing.module';
import { ApplyBatchController } from './commands/apply-batch/apply-batch.controller';
import { ApplyCommandController } from './commands/apply-command/apply-command.controller';
import { ApplyScoreCommandsHandler } from './commands/apply-command/apply-score-commands.handler';
import { CreateScoreController } from './commands/create-score/create-score.controller';
import { CreateScoreHandler } from './commands/create-score/create-score.handler';
import { DuplicateScoreController } from './commands/duplicate-score/duplicate-score.controller';
import { DuplicateScoreHandler } from './commands/duplicate-score/duplicate-score.handler';
import { ChangeTrashStateHandler } from './commands/trash-score/change-trash-state.handler';
import { TrashScoreController } from './commands/trash-score/trash-score.controller';
import { UpdateScoreInfoController } from './commands/update-score-info/update-score-info.controller';
import { WriteNoteController } from './commands/write-note/write-note.controller';
import { ScoreCommandExecutor } from './execution/score-command-executor';
import { GetScoreController } from './queries/get-score/get-score.controller';
import { GetScoreHandler, GetScoreInfoHandler } from './queries/get-score/get-score.handler';
import { ListScoresController } from './queries/list-scores/list-scores.controller';
import { ListScoresHandler } from './queries/list-scores/list-scores.handler';
import { scoreReadCachesProvider } from './queries/score-read-caches';

@Module({
  imports: [CqrsModule, SharingModule],
  controllers: [
    ListScoresController,
    CreateScoreController,
    GetScoreController,
    UpdateScoreInfoController,
    ApplyCommandController,
    ApplyBatchController,
    WriteNoteController,
    DuplicateScoreController,
    TrashScoreController,
  ],
  providers: [
    ScoreCommandExecutor,
    ApplyScoreCommandsHandler,
    CreateScoreHandler,
    DuplicateScoreHandler,
    ChangeTrashStateHandler,
    GetScoreHandler,
    GetScoreInfoHandler,
    ListScoresHandler,
    scoreReadCachesProvider,
  ],
})
export class ScoresModule {}
