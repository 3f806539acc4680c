import { v7 as uuidv7 } from 'uuid';
import type { AuditRecord } from '../../src';

const BASE = Date.parse('2026-01-01T00:00:00.000Z');

/** A record `minutes` after a fixed base time; anything else can be overridden. */
export function auditRecord(minutes: number, overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    id: uuidv7(),
    at: new Date(BASE + minutes * 60_000).toISOString(),
    actor: { id: 'user-ann', kind: 'user' },
    ip: '203.0.113.7',
    userAgent: 'contract-test/1.0',
    action: 'score.command',
    scoreId: 'score-1',
    outcome: 'success',
    status: 200,
    details: { route: '/api/v1/scores/:scoreId/commands', method: 'POST', commandTypes: ['WriteNote'] },
    ...overrides,
  };
}

export const minutesAfterBase = (minutes: number) => new Date(BASE + minutes * 60_000);

export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const values: T[] = [];
  for await (const value of source) values.push(value);
  return values;
}
