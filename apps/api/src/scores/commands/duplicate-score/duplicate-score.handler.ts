import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@bandpro/events';
import { EVENT_STORE, SCORE_LOADER } from '../../../infrastructure/tokens';
import type { ScoreLoader } from '../../../infrastructure/score-loader';
import { loadLifecycle, scoreNotFound } from '../../lifecycle/score-lifecycle';
import { ScoreCommandExecutor } from '../../execution/score-command-executor';
import type { CreatedScore } from '../create-score/create-score.handler';
import { DuplicateScore } from './duplicate-score.command';

/** A copy is an ImportScore of the source document under a new id: the copier owns it, with no history. */
@CommandHandler(DuplicateScore)
export class DuplicateScoreHandler implements ICommandHandler<DuplicateScore, CreatedScore> {
  constructor(
    private readonly executor: ScoreCommandExecutor,
    @Inject(SCORE_LOADER) private readonly loader: ScoreLoader,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ sourceScoreId, newScoreId, title, actor, commandId }: DuplicateScore): Promise<CreatedScore> {
    const [{ state }, lifecycle] = await Promise.all([this.loader.load(sourceScoreId), loadLifecycle(this.store, sourceScoreId)]);
    // A purged score's events stay in the log, but nothing may read its content any more.
    if (state.status !== 'active' || lifecycle.state === 'purged') throw scoreNotFound(sourceScoreId);
    const { status: _status, measureIndex: _index, ownerId: _owner, createdAt: _created, ...document } = state;
    const score = { ...document, scoreId: newScoreId, title: title ?? `${document.title} (copy)` };
    const result = await this.executor.execute({ scoreId: newScoreId, commands: [{ type: 'ImportScore', data: { score } }], actor, commandId, creates: true });
    return { scoreId: newScoreId, ...result };
  }
}
