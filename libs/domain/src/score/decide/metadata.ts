import type { CommandMetadata } from '../commands/command';
import { FieldMustBeValid } from '../rules/rule-errors';
import { isRecord, requireOneOf, requireText } from '../validation/values';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The actor and time every command carries (the domain has no clock of its own). */
export function requireMetadata(metadata: unknown): CommandMetadata {
  if (!isRecord(metadata) || !isRecord(metadata.actor)) {
    throw new FieldMustBeValid({ field: 'metadata', value: metadata, expected: '{ actor: { id, kind }, at }' });
  }
  const id = requireText('metadata.actor.id', metadata.actor.id);
  const kind = requireOneOf('metadata.actor.kind', metadata.actor.kind, ['user', 'api-key', 'system'] as const);
  if (typeof metadata.at !== 'string' || !ISO_TIME.test(metadata.at)) {
    throw new FieldMustBeValid({ field: 'metadata.at', value: metadata.at, expected: 'an ISO-8601 time' });
  }
  return { actor: { id, kind }, at: metadata.at };
}
