import { decide, evolve, initialScoreState, type ScoreCommand, type ScoreEvent, type ScoreState } from '@bandpro/domain';
import { changesOf, REDO_MARK, UNDO_MARK, type Change, type HistoryEvent } from '../../src/change';
import { planRedo, planUndo, type ReversalPlan } from '../../src/undo';

type Body = Omit<ScoreCommand, 'metadata'>;

/**
 * A shared score several people edit, as the event store would hold it: each command (or undo/redo) is
 * one change of consecutive versions with its actor, command id and correlation id.
 */
export class Timeline {
  readonly events: HistoryEvent[] = [];
  state: ScoreState = initialScoreState();
  private commands = 0;

  /** Runs a command as `actorId`; returns its command id. */
  edit(actorId: string, body: Body | ScoreCommand): string {
    const command = { ...body, metadata: { actor: { id: actorId, kind: 'user' as const }, at: '2026-01-01T00:00:00.000Z' } } as ScoreCommand;
    const commandId = this.nextId();
    this.append(actorId, commandId, commandId, decide(command, this.state));
    return commandId;
  }

  undo(actorId: string): ReversalPlan {
    return this.reverse(actorId, planUndo(this.changes(), actorId, this.state), UNDO_MARK);
  }

  redo(actorId: string): ReversalPlan {
    return this.reverse(actorId, planRedo(this.changes(), actorId, this.state), REDO_MARK);
  }

  changes(): Change[] {
    return changesOf(this.events);
  }

  get version(): number {
    return this.events.length;
  }

  private reverse(actorId: string, plan: ReversalPlan, mark: string): ReversalPlan {
    this.append(actorId, this.nextId(), mark + plan.target.commandId, plan.events);
    return plan;
  }

  private nextId(): string {
    this.commands += 1;
    return `cmd-${this.commands}`;
  }

  private append(actorId: string, commandId: string, correlationId: string, events: readonly ScoreEvent[]): void {
    for (const event of events) {
      this.state = evolve(this.state, event);
      this.events.push({
        ...event,
        version: this.events.length + 1,
        metadata: { commandId, correlationId, causationId: commandId, actor: { id: actorId, kind: 'user' }, recordedAt: '2026-01-01T00:00:00.000Z' },
      });
    }
  }
}
