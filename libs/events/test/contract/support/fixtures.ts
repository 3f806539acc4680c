import type { Actor, AppendOptions, ExpectedVersion, NewEvent } from '../../../src';

export const actor: Actor = { id: 'user-1', kind: 'user' };

let sequence = 0;

/** Unique per call and per process, so specs sharing one store never collide. */
export function uniqueId(label: string): string {
  sequence += 1;
  return `${label}-${process.pid}-${sequence}`;
}

export function options(expectedVersion: ExpectedVersion, overrides: Partial<AppendOptions> = {}): AppendOptions {
  return { expectedVersion, commandId: uniqueId('cmd'), actor, ...overrides };
}

export function noteAdded(n: number, extra: Record<string, unknown> = {}): NewEvent {
  return { type: 'NoteAdded', data: { n, pitch: 'C4', ...extra } };
}

export function notes(count: number, from = 1): NewEvent[] {
  return Array.from({ length: count }, (_, i) => noteAdded(from + i));
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

export function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}
