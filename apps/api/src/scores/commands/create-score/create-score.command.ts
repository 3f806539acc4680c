import type { Actor } from '@bandpro/events';
import type { CreateScoreDto } from './create-score.dto';

export class CreateScoreFromRequest {
  constructor(
    readonly request: CreateScoreDto,
    readonly actor: Actor,
    readonly commandId: string,
    /** True when the client sent an Idempotency-Key, so a retry must give the same ids. */
    readonly keyed: boolean,
  ) {}
}
