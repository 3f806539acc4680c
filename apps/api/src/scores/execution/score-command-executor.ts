import { Inject, Injectable } from '@nestjs/common';
import type { ScoreEvent } from '@bandpro/domain';
import { WrongExpectedVersionError, type Actor, type EventStore, type StoredEvent } from '@bandpro/events';
import { isDeepStrictEqual } from 'node:util';
import { ApiError } from '../../common/errors/api-error';
import { EVENT_STORE, SCORE_LOADER } from '../../infrastructure/tokens';
import type { ScoreLoader } from '../../infrastructure/score-loader';
import { refuseTrashed } from '../lifecycle/score-lifecycle';
import { decideAll, type CommandInput } from './decide-all';
import { commandsUntouchedBy } from './stale-command-rule';

export interface ExecuteRequest {
  scoreId: string;
  commands: readonly CommandInput[];
  actor: Actor;
  /** The idempotency key: a retry with the same key returns the first result. */
  commandId: string;
  /** The version the client last saw; absent means "the latest". Creation always expects none. */
  baseVersion?: number;
  creates?: boolean;
}

export interface EventView {
  type: string;
  version: number;
  position: number;
  data: unknown;
}

export interface ExecuteResult {
  version: number;
  events: EventView[];
}

/** A client further behind than this gets a conflict without the events being compared. */
const MAX_EVENTS_SINCE = 1000;

/**
 * Load, decide, append, for one command or a batch; see stale-command-rule.ts for stale versions.
 * Commands on one score run one after another in this process, so they never race each other for the append
 * (each would lose to the other and retry); commands on different scores run side by side and share the
 * store's group commits. Races with other API processes are still settled by the expected version.
 */
@Injectable()
export class ScoreCommandExecutor {
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SCORE_LOADER) private readonly loader: ScoreLoader,
  ) {}

  execute(request: ExecuteRequest): Promise<ExecuteResult> {
    const previous = this.running.get(request.scoreId) ?? Promise.resolve();
    const next = previous.then(() => this.executeNow(request), () => this.executeNow(request));
    const settled = next.catch(() => undefined);
    this.running.set(request.scoreId, settled);
    void settled.then(() => {
      if (this.running.get(request.scoreId) === settled) this.running.delete(request.scoreId);
    });
    return next;
  }

  private async executeNow(request: ExecuteRequest): Promise<ExecuteResult> {
    try {
      return await this.attempt(request);
    } catch (error) {
      // Another writer appended between our load and our append: start again from its state, once.
      if (error instanceof WrongExpectedVersionError) return this.attempt(request);
      throw error;
    }
  }

  private async attempt(request: ExecuteRequest): Promise<ExecuteResult> {
    const { scoreId, commands, actor, commandId } = request;
    if (!request.creates) await refuseTrashed(this.store, scoreId);
    const current = await this.loader.load(scoreId);
    const base = request.creates ? 0 : (request.baseVersion ?? current.version);
    if (base > current.version) throw conflict(current.version, [], 'The score has no such version yet');
    if (base < current.version) {
      const replayed = await this.checkSince(request, base, current.version);
      if (replayed) return replayed;
    }
    const events = decideAll(commands, current.state, { actor, at: new Date().toISOString() });
    if (events.length === 0) return { version: current.version, events: [] };
    const result = await this.store.append(scoreId, events, {
      expectedVersion: current.version === 0 ? 'no_stream' : current.version,
      commandId,
      actor,
    });
    this.loader.appended(scoreId, current, result.events);
    return { version: result.nextExpectedVersion, events: result.events.map(eventView) };
  }

  /** The command's own earlier result when this is a retry; else a conflict unless the stale rule lets it through. */
  private async checkSince(request: ExecuteRequest, base: number, head: number): Promise<ExecuteResult | undefined> {
    // A create only needs the first events to recognise its own retry; anything else is a clash the domain reports.
    const to = request.creates ? Math.min(head, base + 1) : head;
    if (to - base > MAX_EVENTS_SINCE) throw conflict(head, [], 'The score moved on too far since that version');
    const since = await collect(this.store, request.scoreId, base + 1, to);
    const recorded = since.filter((event) => event.metadata.commandId === request.commandId);
    if (recorded.length > 0) return this.replay(request, base, recorded);
    if (request.creates) return undefined;
    if (!commandsUntouchedBy(request.commands, since)) throw conflict(head, since);
    return undefined;
  }

  /** Same key, same request: the first result. Same key, other request: refused. */
  private async replay(request: ExecuteRequest, base: number, recorded: StoredEvent[]): Promise<ExecuteResult> {
    const then = await this.loader.load(request.scoreId, { version: base });
    const again = decideAll(request.commands, then.state, { actor: request.actor, at: new Date().toISOString() });
    if (!isDeepStrictEqual(again.map(comparable), recorded.map(comparable))) {
      throw new ApiError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request', {
        commandId: request.commandId,
      });
    }
    return { version: recorded[recorded.length - 1].version, events: recorded.map(eventView) };
  }

}

async function collect(store: EventStore, streamId: string, fromVersion: number, toVersion: number): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const event of store.readStream(streamId, { fromVersion, toVersion })) events.push(event);
  return events;
}

/** The command's time is ours, not the client's: it is left out when a retry is compared with the original. */
function comparable(event: ScoreEvent | StoredEvent): { type: string; data: unknown } {
  const { createdAt: _createdAt, ...data } = event.data as Record<string, unknown>;
  return { type: event.type, data: JSON.parse(JSON.stringify(data)) };
}

/** An event as command responses show it. */
export function eventView(event: StoredEvent): EventView {
  return { type: event.type, version: event.version, position: event.position, data: event.data };
}

function conflict(currentVersion: number, since: StoredEvent[], message = 'The score changed where this command applies'): ApiError {
  const eventsSince = since.slice(0, 100).map(({ type, version, data }) => ({ type, version, data }));
  return new ApiError(409, 'VERSION_CONFLICT', message, { currentVersion, eventsSince });
}
