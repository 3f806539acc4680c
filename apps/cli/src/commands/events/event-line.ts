import type { StoredEvent } from '@bandpro/events';

const SHORT_DATA = 100;

/** `12  2026-11-26T04:00:00.000Z  user:ann  NoteWritten  {"partId":…}`: one event, one line, for people. */
export function eventLine(event: StoredEvent): string {
  const { actor, recordedAt } = event.metadata;
  return [String(event.version).padStart(5), recordedAt, `${actor.kind}:${actor.id}`, event.type, shortData(event.data)].join('  ');
}

/** The event's data as JSON, cut to one screen line: enough to recognise it, `replay` shows the rest. */
export function shortData(data: unknown): string {
  const json = JSON.stringify(data) ?? 'null';
  return json.length <= SHORT_DATA ? json : `${json.slice(0, SHORT_DATA - 1)}…`;
}

/** Every envelope field, one JSON object per line (NDJSON). */
export function eventJson(event: StoredEvent): string {
  const { eventId, streamId, version, position, type, schemaVersion, data, metadata } = event;
  return JSON.stringify({ eventId, streamId, version, position, type, schemaVersion, data, metadata });
}
