import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@bandpro/domain';
import { SCORE_LOADER } from '../../../infrastructure/tokens';
import type { ScoreLoader } from '../../../infrastructure/score-loader';
import { ScoreCommandExecutor } from '../../execution/score-command-executor';
import type { CreatedScore } from '../create-score/create-score.handler';
import { DuplicateScore } from './duplicate-score.command';

/** A copy is an ImportScore of the source document under a new id: the copier owns it, with no history. */
@CommandHandler(DuplicateScore)
export class DuplicateScoreHandler implements ICommandHandler<DuplicateScore, CreatedScore> {
  constructor(
    private readonly executor: ScoreCommandExecutor,
    @Inject(SCORE_LOADER) private readonly loader: ScoreLoader,
  ) {}

  async execute({ sourceScoreId, newScoreId, title, actor, commandId }: DuplicateScore): Promise<CreatedScore> {
    const { state } = await this.loader.load(sourceScoreId);
    if (state.status !== 'active') throw new NotFoundError('SCORE_NOT_FOUND', 'There is no such score', { scoreId: sourceScoreId });
    const { status: _status, measureIndex: _index, ownerId: _owner, createdAt: _created, ...document } = state;
    const score = { ...document, scoreId: newScoreId, title: title ?? `${document.title} (copy)` };
    const result = await this.executor.execute({ scoreId: newScoreId, commands: [{ type: 'ImportScore', data: { score } }], actor, commandId, creates: true });
    return { scoreId: newScoreId, ...result };
  }
}
