import { Inject, Injectable } from '@nestjs/common';
import type { ScoreEvent, ScoreState } from '@bandpro/domain';
import { WrongExpectedVersionError, type Actor, type EventStore } from '@bandpro/events';
import type { ScoreLoader } from '../infrastructure/score-loader';
import { EVENT_STORE, SCORE_LOADER } from '../infrastructure/tokens';
import { refuseTrashed } from '../scores/lifecycle/score-lifecycle';
import { eventView, type ExecuteResult } from '../scores/execution/score-command-executor';

export interface PlannedChange {
  events: ScoreEvent[];
  /** Marks the change in the log (`undo:<id>`, `redo:<id>`, `restore:<version>`). */
  correlationId: string;
}

/**
 * Writes a change that history computed (an undo, a redo, a restore) rather than one decided from a command:
 * plan against the current state, append expecting that version, and plan again once if someone wrote between.
 */
@Injectable()
export class ChangeWriter {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SCORE_LOADER) private readonly loader: ScoreLoader,
  ) {}

  async write(scoreId: string, who: { actor: Actor; commandId: string }, plan: (current: ScoreState, version: number) => Promise<PlannedChange>): Promise<ExecuteResult> {
    try {
      return await this.attempt(scoreId, who, plan);
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) return this.attempt(scoreId, who, plan);
      throw error;
    }
  }

  private async attempt(scoreId: string, { actor, commandId }: { actor: Actor; commandId: string }, plan: (current: ScoreState, version: number) => Promise<PlannedChange>): Promise<ExecuteResult> {
    await refuseTrashed(this.store, scoreId);
    const current = await this.loader.load(scoreId);
    const { events, correlationId } = await plan(current.state, current.version);
    if (events.length === 0) return { version: current.version, events: [] };
    const result = await this.store.append(scoreId, events, { expectedVersion: current.version, commandId, actor, correlationId });
    return { version: result.nextExpectedVersion, events: result.events.map(eventView) };
  }
}

