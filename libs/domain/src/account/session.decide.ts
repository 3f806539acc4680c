import { EventDoesNotApply } from '../errors/event-does-not-apply';
import { CommandMustBeKnown } from '../score/rules/rule-errors';
import { RefreshTokenMustBeValid, SessionMustNotExist } from './account.errors';
import type { OpenSession, RotateRefreshToken, SessionCommand, SessionEvent, SessionState } from './session.types';

export const initialSessionState = (): SessionState => ({ status: 'none' });

export function decideSession(command: SessionCommand, state: SessionState): SessionEvent[] {
  const { at } = command.metadata;
  switch (command.type) {
    case 'StartSession':
      if (state.status !== 'none') throw new SessionMustNotExist({ familyId: state.familyId });
      return [{ type: 'SessionStarted', data: { ...command.data, at } }];
    case 'RotateRefreshToken':
      return rotate(command, existing(state));
    case 'RevokeSession': {
      // Logging out twice is not an error: the family is revoked either way.
      const session = existing(state);
      return session.status === 'revoked' ? [] : [{ type: 'SessionRevoked', data: { reason: command.data.reason, at } }];
    }
    default: {
      const unknown: never = command;
      throw new CommandMustBeKnown({ type: (unknown as { type: unknown }).type });
    }
  }
}

/** Returns SessionRevoked (not an error) on reuse, so the handler can commit the revocation and then refuse. */
function rotate({ data, metadata }: RotateRefreshToken, session: OpenSession): SessionEvent[] {
  if (session.status === 'revoked') throw new RefreshTokenMustBeValid({ reason: 'the session was revoked' });
  if (metadata.at >= session.expiresAt) throw new RefreshTokenMustBeValid({ reason: 'the session expired' });
  if (session.tokenHashes[data.generation] !== data.tokenHash) throw new RefreshTokenMustBeValid({ reason: 'unknown token' });
  if (data.generation < session.generation) {
    return [{ type: 'SessionRevoked', data: { reason: 'refresh-token-reuse', at: metadata.at } }];
  }
  return [{ type: 'RefreshTokenRotated', data: { generation: session.generation + 1, tokenHash: data.nextTokenHash, at: metadata.at } }];
}

function existing(state: SessionState): OpenSession {
  if (state.status === 'none') throw new RefreshTokenMustBeValid({ reason: 'no such session' });
  return state;
}

export function evolveSession(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'SessionStarted': {
      const { familyId, userId, expiresAt, tokenHash } = event.data;
      return { status: 'open', familyId, userId, expiresAt, generation: 0, tokenHashes: [tokenHash], revokedReason: null };
    }
    case 'RefreshTokenRotated': {
      const session = opened(state, event.type);
      return { ...session, generation: event.data.generation, tokenHashes: [...session.tokenHashes, event.data.tokenHash] };
    }
    case 'SessionRevoked':
      return { ...opened(state, event.type), status: 'revoked', revokedReason: event.data.reason };
    default: {
      const unknown: never = event;
      throw new EventDoesNotApply((unknown as { type: string }).type, 'unknown event type');
    }
  }
}

function opened(state: SessionState, eventType: string): OpenSession {
  if (state.status === 'none') throw new EventDoesNotApply(eventType, 'the session was never started');
  return state;
}

export const replaySession = (events: readonly SessionEvent[]): SessionState => events.reduce(evolveSession, initialSessionState());
