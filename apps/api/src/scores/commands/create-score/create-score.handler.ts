import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import { ScoreCommandExecutor, type ExecuteResult } from '../../execution/score-command-executor';
import { planParts, SCORE_TEMPLATES, type ScoreTemplateName } from '../../templates/score-templates';
import { CreateScoreFromRequest } from './create-score.command';

export interface CreatedScore extends ExecuteResult {
  scoreId: string;
}

/** A blank score (the instruments given, or a piano) or one from a template; ids are chosen here. */
@CommandHandler(CreateScoreFromRequest)
export class CreateScoreHandler implements ICommandHandler<CreateScoreFromRequest, CreatedScore> {
  constructor(private readonly executor: ScoreCommandExecutor) {}

  async execute({ request, actor, commandId, keyed }: CreateScoreFromRequest): Promise<CreatedScore> {
    const newId = keyed ? idsFrom(commandId) : uuidv7;
    const { scoreId = newId(), template, instrumentIds, measureCount = 16, ...info } = request;
    const instruments = template ? SCORE_TEMPLATES[template as ScoreTemplateName] : (instrumentIds ?? ['piano']);
    const data = {
      ...info,
      scoreId,
      parts: planParts(instruments, newId, template as ScoreTemplateName | undefined),
      measureIds: Array.from({ length: measureCount }, () => newId()),
    };
    const result = await this.executor.execute({ scoreId, commands: [{ type: 'CreateScore', data }], actor, commandId, creates: true });
    return { scoreId, ...result };
  }
}

const ID_NAMESPACE = '6f1d2c1e-8a4b-4c2f-9a57-3b1f0e6d9c11';

/** With an Idempotency-Key, a retry must name the same score, parts and measures: ids derive from the key. */
function idsFrom(commandId: string): () => string {
  let n = 0;
  return () => uuidv5(`${commandId}/${n++}`, ID_NAMESPACE);
}
