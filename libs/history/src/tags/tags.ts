import { ConflictError, InvalidCommandError, NotFoundError } from '@bandpro/domain';

/** Named versions of one score ("Sent to the printer"), kept in their own stream beside the score's. */
export const tagsStreamId = (scoreId: string): string => `score-tags-${scoreId}`;

export interface VersionTag {
  tagId: string;
  name: string;
  version: number;
  /** The actor who tagged it and when, from the event's metadata. */
  createdBy?: string;
  createdAt?: string;
}

export type TagCommand =
  | { type: 'TagVersion'; data: { tagId: string; name: string; version: number; headVersion: number } }
  | { type: 'RenameTag'; data: { tagId: string; name: string } }
  | { type: 'RemoveTag'; data: { tagId: string } };

export type TagEvent =
  | { type: 'VersionTagged'; data: { tagId: string; name: string; version: number } }
  | { type: 'VersionTagRenamed'; data: { tagId: string; from: string; to: string } }
  | { type: 'VersionTagRemoved'; data: { tagId: string; name: string; version: number } };

export type TagsState = ReadonlyMap<string, VersionTag>;

export const MAX_TAG_NAME = 80;

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > MAX_TAG_NAME) {
    throw new InvalidCommandError('TAG_NAME_INVALID', `A version name has 1 to ${MAX_TAG_NAME} characters`, { name });
  }
  return trimmed;
}

function refuseTakenName(state: TagsState, name: string, exceptTagId?: string): void {
  for (const tag of state.values()) {
    if (tag.tagId !== exceptTagId && tag.name.toLowerCase() === name.toLowerCase()) {
      throw new ConflictError('TAG_NAME_TAKEN', `Another version is already named "${tag.name}"`, { name, tagId: tag.tagId, version: tag.version });
    }
  }
}

function existing(state: TagsState, tagId: string): VersionTag {
  const tag = state.get(tagId);
  if (!tag) throw new NotFoundError('TAG_NOT_FOUND', 'The score has no such named version', { tagId });
  return tag;
}

export function decideTags(command: TagCommand, state: TagsState): TagEvent[] {
  switch (command.type) {
    case 'TagVersion': {
      const { tagId, version, headVersion } = command.data;
      if (state.has(tagId)) throw new ConflictError('TAG_ID_TAKEN', 'A named version with this id exists', { tagId });
      if (!Number.isSafeInteger(version) || version < 1 || version > headVersion) {
        throw new NotFoundError('SCORE_VERSION_NOT_FOUND', `The score has versions 1 to ${headVersion}`, { version, headVersion });
      }
      const name = cleanName(command.data.name);
      refuseTakenName(state, name);
      return [{ type: 'VersionTagged', data: { tagId, name, version } }];
    }
    case 'RenameTag': {
      const tag = existing(state, command.data.tagId);
      const name = cleanName(command.data.name);
      if (name === tag.name) return [];
      refuseTakenName(state, name, tag.tagId);
      return [{ type: 'VersionTagRenamed', data: { tagId: tag.tagId, from: tag.name, to: name } }];
    }
    case 'RemoveTag': {
      const tag = existing(state, command.data.tagId);
      return [{ type: 'VersionTagRemoved', data: { tagId: tag.tagId, name: tag.name, version: tag.version } }];
    }
    default: {
      const never: never = command;
      throw new InvalidCommandError('UNKNOWN_COMMAND', 'Unknown tag command', { command: never });
    }
  }
}

export function evolveTags(state: TagsState, event: TagEvent, meta: { actorId?: string; at?: string } = {}): TagsState {
  const next = new Map(state);
  switch (event.type) {
    case 'VersionTagged':
      next.set(event.data.tagId, { ...event.data, createdBy: meta.actorId, createdAt: meta.at });
      return next;
    case 'VersionTagRenamed': {
      const tag = next.get(event.data.tagId);
      if (tag) next.set(tag.tagId, { ...tag, name: event.data.to });
      return next;
    }
    case 'VersionTagRemoved':
      next.delete(event.data.tagId);
      return next;
    default: {
      const never: never = event;
      return never;
    }
  }
}

/** Tags in version order, then by name. */
export function listTags(state: TagsState): VersionTag[] {
  return [...state.values()].sort((a, b) => a.version - b.version || a.name.localeCompare(b.name));
}
