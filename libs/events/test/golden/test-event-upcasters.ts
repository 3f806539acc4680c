import type { Upcaster } from '../../src/upcasting/upcaster-chain';
import type { UpcastFixture } from '../../src/upcasting/golden-fixtures';

/**
 * Generic test event types with a schema history, standing in for the domain's:
 * - MemberJoined v1 { name } → v2 { displayName } → v3 { displayName, role }
 * - TempoSet v1 { bpm: "120" } → v2 { bpm: 120, beatUnit: 4 }
 * - ItemRenamed v1 { from, to }, never changed.
 */
export const testEventUpcasters: Upcaster[] = [
  { type: 'MemberJoined', fromSchemaVersion: 1, upcast: (data) => ({ displayName: (data as { name: string }).name }) },
  { type: 'MemberJoined', fromSchemaVersion: 2, upcast: (data) => ({ ...(data as object), role: 'member' }) },
  {
    type: 'TempoSet',
    fromSchemaVersion: 1,
    // v1 writers stored the tempo as text and only ever in quarter notes.
    upcast: (data) => ({ bpm: Number((data as { bpm: string }).bpm), beatUnit: 4 }),
  },
];

export const TEST_EVENT_TYPES = ['MemberJoined', 'TempoSet', 'ItemRenamed'] as const;

/** Throws unless the event has today's shape. */
export function validateTestEvent({ type, schemaVersion, data }: UpcastFixture): void {
  const record = data as Record<string, unknown>;
  const fail = (why: string) => {
    throw new Error(`${type} v${schemaVersion} is not today's shape: ${why}`);
  };
  switch (type) {
    case 'MemberJoined':
      if (schemaVersion !== 3) fail('expected v3');
      if (typeof record['displayName'] !== 'string' || !['member', 'leader'].includes(record['role'] as string)) fail('displayName, role');
      return;
    case 'TempoSet':
      if (schemaVersion !== 2) fail('expected v2');
      if (!Number.isFinite(record['bpm']) || ![2, 4, 8].includes(record['beatUnit'] as number)) fail('bpm, beatUnit');
      return;
    case 'ItemRenamed':
      if (typeof record['from'] !== 'string' || typeof record['to'] !== 'string') fail('from, to');
      return;
    default:
      fail('unknown type');
  }
}
