import type { Actor } from '@bandpro/events';
import type { LifecycleCommand } from '../../lifecycle/score-lifecycle';

export class ChangeTrashState {
  constructor(
    readonly command: LifecycleCommand,
    readonly actor: Actor,
    readonly commandId: string,
  ) {}
}
