import type { Actor } from '@bandpro/events';
import type { CommandInput } from '../../execution/decide-all';

/** The CQRS envelope of one or more editing commands on one score; the handler turns them into domain commands. */
export class ApplyScoreCommands {
  constructor(
    readonly scoreId: string,
    readonly commands: readonly CommandInput[],
    readonly actor: Actor,
    readonly commandId: string,
    readonly baseVersion: number | undefined,
  ) {}
}
