import type { StoredEvent } from '../envelope';
import { UpcasterChain, UpcasterError, type Upcaster } from './upcaster-chain';

function stored(type: string, schemaVersion: number, data: unknown): StoredEvent {
  return {
    eventId: 'e-1', streamId: 's-1', version: 1, position: 1, type, schemaVersion, data,
    metadata: { commandId: 'c', correlationId: 'c', causationId: 'c', actor: { id: 'u', kind: 'user' }, recordedAt: '2024-01-01T00:00:00.000Z' },
  };
}

const renameToDisplayName: Upcaster = {
  type: 'MemberJoined', fromSchemaVersion: 1,
  upcast: (data) => ({ displayName: (data as { name: string }).name }),
};
const addRole: Upcaster = {
  type: 'MemberJoined', fromSchemaVersion: 2,
  upcast: (data) => ({ ...(data as object), role: 'member' }),
};

describe('UpcasterChain', () => {
  it('should take an event through every step up to today', () => {
    const chain = new UpcasterChain([addRole, renameToDisplayName]);

    expect(chain.upcast(stored('MemberJoined', 1, { name: 'Ada' }))).toMatchObject({
      schemaVersion: 3, data: { displayName: 'Ada', role: 'member' }, eventId: 'e-1',
    });
  });

  it('should start from the stored version, not from 1', () => {
    const chain = new UpcasterChain([renameToDisplayName, addRole]);

    expect(chain.upcast(stored('MemberJoined', 2, { displayName: 'Ada' })).data).toEqual({ displayName: 'Ada', role: 'member' });
  });

  it('should return an event already of today\'s version, or of a type without upcasters, unchanged', () => {
    const chain = new UpcasterChain([renameToDisplayName]);
    const current = stored('MemberJoined', 2, { displayName: 'Ada' });
    const other = stored('TempoSet', 1, { bpm: 120 });

    expect(chain.upcast(current)).toBe(current);
    expect(chain.upcast(other)).toBe(other);
  });

  it('should stamp new events with 1 + the last upcaster\'s source version, and 1 for unknown types', () => {
    const chain = new UpcasterChain().register(renameToDisplayName).register(addRole);

    expect(chain.currentVersion('MemberJoined')).toBe(3);
    expect(chain.currentVersion('TempoSet')).toBe(1);
    expect(chain.types()).toEqual(['MemberJoined']);
  });

  it('should refuse two upcasters for the same step', () => {
    expect(() => new UpcasterChain([addRole, { ...addRole }])).toThrow(new UpcasterError('Two upcasters for MemberJoined v2'));
  });

  it('should refuse an upcaster without a type or with a source version that is not a positive integer', () => {
    expect(() => new UpcasterChain([{ ...addRole, type: '' }])).toThrow(UpcasterError);
    expect(() => new UpcasterChain([{ ...addRole, fromSchemaVersion: 0 }])).toThrow(UpcasterError);
    expect(() => new UpcasterChain([{ ...addRole, fromSchemaVersion: 1.5 }])).toThrow(UpcasterError);
  });

  it('should refuse to read an event past a missing step rather than hand over a half-upcast event', () => {
    const chain = new UpcasterChain([addRole]);

    expect(() => chain.upcast(stored('MemberJoined', 1, { name: 'Ada' }))).toThrow(
      new UpcasterError('No upcaster for MemberJoined v1, needed by MemberJoined event e-1 (s-1@1)'),
    );
  });

  it('should refuse an event written by a newer schema than this code knows', () => {
    const chain = new UpcasterChain([renameToDisplayName]);

    expect(() => chain.upcast(stored('MemberJoined', 3, {}))).toThrow(/is v3, newer than this code's v2/);
  });

  it('should name the event and step when an upcaster throws, and keep the cause', () => {
    const broken = new Error('no name');
    const chain = new UpcasterChain([{ ...renameToDisplayName, upcast: () => { throw broken; } }]);

    let caught: unknown;
    try {
      chain.upcast(stored('MemberJoined', 1, {}));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UpcasterError);
    expect(caught).toMatchObject({ code: 'UPCASTER_INVALID', cause: broken, message: expect.stringContaining('from v1 failed: no name') });
  });
});
