import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ScoreCommandExecutor, type ExecuteResult } from '../../execution/score-command-executor';
import { ApplyScoreCommands } from './apply-score-commands.command';

@CommandHandler(ApplyScoreCommands)
export class ApplyScoreCommandsHandler implements ICommandHandler<ApplyScoreCommands, ExecuteResult> {
  constructor(private readonly executor: ScoreCommandExecutor) {}

  execute({ scoreId, commands, actor, commandId, baseVersion }: ApplyScoreCommands): Promise<ExecuteResult> {
    return this.executor.execute({ scoreId, commands, actor, commandId, baseVersion });
  }
}
