import { decide, evolve, initialScoreState, type ScoreCommand, type ScoreEvent } from '@bandpro/domain';
import type { AppendResult, EventStore } from '@bandpro/events';
import { v7 as uuidv7 } from 'uuid';

/**
 * Load, decide, append: what a command handler does, in a screenful, for the demo until the API
 * exists. The stream of a score is named after its scoreId.
 */
export async function executeScoreCommand(events: EventStore, scoreId: string, command: ScoreCommand): Promise<AppendResult | undefined> {
  let state = initialScoreState();
  let version = 0;
  for await (const stored of events.readStream(scoreId)) {
    state = evolve(state, { type: stored.type, data: stored.data } as ScoreEvent);
    version = stored.version;
  }
  const decided = decide(command, state);
  // A command that changes nothing (setting what is already there) decides no events: nothing to append.
  if (decided.length === 0) return undefined;
  return events.append(scoreId, decided, {
    expectedVersion: version === 0 ? 'no_stream' : version,
    commandId: uuidv7(),
    actor: command.metadata.actor,
  });
}
