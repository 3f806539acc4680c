import type { Actor } from '@bandpro/events';

export class DuplicateScore {
  constructor(
    readonly sourceScoreId: string,
    readonly newScoreId: string,
    readonly title: string | undefined,
    readonly actor: Actor,
    readonly commandId: string,
  ) {}
}
