import { decideSession, evolveSession, initialSessionState, replaySession, type SessionCommand, type SessionEvent, type SessionState } from '../index';
import { aggregateSpec, AT, LATER, metadata } from '../access/testing/aggregate-spec';

const given = aggregateSpec<SessionCommand, SessionEvent, SessionState>(decideSession, evolveSession, initialSessionState);
const EXPIRES = '2026-01-08T00:00:00.000Z';
const started: SessionEvent = { type: 'SessionStarted', data: { familyId: 'f1', userId: 'u1', expiresAt: EXPIRES, tokenHash: 't0', at: AT } };
const rotated: SessionEvent = { type: 'RefreshTokenRotated', data: { generation: 1, tokenHash: 't1', at: LATER } };
const rotate = (generation: number, tokenHash: string, at = LATER): SessionCommand => ({
  type: 'RotateRefreshToken',
  data: { generation, tokenHash, nextTokenHash: `t${generation + 1}` },
  metadata: metadata(at),
});

describe('the session aggregate (a refresh-token family)', () => {
  it('should start a session at generation 0', () => {
    const state = given()
      .when({ type: 'StartSession', data: { familyId: 'f1', userId: 'u1', expiresAt: EXPIRES, tokenHash: 't0' }, metadata: metadata() })
      .then([started]);
    expect(state).toMatchObject({ status: 'open', generation: 0, tokenHashes: ['t0'] });
  });

  it('should refuse to start a session twice', () => {
    given([started])
      .when({ type: 'StartSession', data: { familyId: 'f1', userId: 'u1', expiresAt: EXPIRES, tokenHash: 't0' }, metadata: metadata() })
      .thenThrows('SESSION_EXISTS');
  });

  it('should rotate the current token to the next generation', () => {
    const state = given([started]).when(rotate(0, 't0')).then([rotated]);
    expect(state).toMatchObject({ generation: 1, tokenHashes: ['t0', 't1'] });
  });

  it('should revoke the whole family when a rotated token is presented again', () => {
    const state = given([started, rotated])
      .when(rotate(0, 't0'))
      .then([{ type: 'SessionRevoked', data: { reason: 'refresh-token-reuse', at: LATER } }]);
    expect(state).toMatchObject({ status: 'revoked', revokedReason: 'refresh-token-reuse' });
  });

  it('should refuse a token whose secret does not match its generation, or a generation never issued', () => {
    given([started, rotated]).when(rotate(0, 'forged')).thenThrows('REFRESH_TOKEN_INVALID');
    given([started]).when(rotate(3, 't3')).thenThrows('REFRESH_TOKEN_INVALID');
  });

  it('should refuse to rotate an expired, revoked or unknown session', () => {
    given([started]).when(rotate(0, 't0', EXPIRES)).thenThrows('REFRESH_TOKEN_INVALID');
    const revoked: SessionEvent = { type: 'SessionRevoked', data: { reason: 'logout', at: LATER } };
    given([started, revoked]).when(rotate(0, 't0')).thenThrows('REFRESH_TOKEN_INVALID');
    given().when(rotate(0, 't0')).thenThrows('REFRESH_TOKEN_INVALID');
  });

  it('should revoke on logout, and do nothing when logging out again', () => {
    const logout: SessionCommand = { type: 'RevokeSession', data: { reason: 'logout' }, metadata: metadata(LATER) };
    const revoked: SessionEvent = { type: 'SessionRevoked', data: { reason: 'logout', at: LATER } };
    given([started]).when(logout).then([revoked]);
    given([started, revoked]).when(logout).then([]);
    given().when(logout).thenThrows('REFRESH_TOKEN_INVALID');
  });

  it('should refuse unknown commands and events that do not fit', () => {
    given([started]).when({ type: 'Nope', data: {}, metadata: metadata() } as unknown as SessionCommand).thenThrows('COMMAND_MUST_BE_KNOWN');
    expect(() => replaySession([rotated])).toThrow('never started');
    expect(() => evolveSession(replaySession([started]), { type: 'Nope' } as unknown as SessionEvent)).toThrow('unknown event type');
  });
});
