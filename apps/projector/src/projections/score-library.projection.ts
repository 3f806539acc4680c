import { SCORE_EVENT_TYPES } from '@bandpro/domain';
import type { StoredEvent } from '@bandpro/events';
import {
  libraryEntryDocId, libraryScoreDocId, SCORE_LIBRARY_COLLECTION,
  type CataloguePart, type InviteeIndexDoc, type LibraryEntry, type LibraryScoreDoc, type PersonKey, type ScoreCatalogueEntry, type ScoreLibraryDoc,
} from '@bandpro/read-models';
import type { DocReader, Projection } from '../projection/projection';
import { isLifecycleEvent, lifecycleScoreId, SCORE_LIFECYCLE_EVENT_TYPES } from './lifecycle-events';
import { scoreCatalogueProjection } from './score-catalogue.projection';
import {
  accessScoreId, accountKeysOf, ACCESS_EVENT_TYPES, ACCOUNT_EVENT_TYPES, evolveAccessCore, evolveIndexDoc, indexKeysOf,
  isAccessEvent, isCreation, newAccessCore, registerInvitee, registeredEmailKey, rolesByPerson,
} from './score-people';

const noDocs: DocReader<ScoreLibraryDoc> = () => undefined;

/**
 * score-library: for each person, one entry per score they own or hold a role on, with what the
 * list, search and sort need. Each score has a document of its own (catalogue row, trash state,
 * access list) from which its people's entries are derived, so an edit, a trash or a new member
 * rewrites exactly the entries of that score's people. Invitations by email are that email's
 * until it registers, then its user's.
 */
export const scoreLibraryProjection: Projection<ScoreLibraryDoc> = {
  name: 'score-library',
  version: 1,
  collection: SCORE_LIBRARY_COLLECTION,
  eventTypes: [...SCORE_EVENT_TYPES, ...ACCESS_EVENT_TYPES, ...SCORE_LIFECYCLE_EVENT_TYPES, ...ACCOUNT_EVENT_TYPES],
  keysOf(event) {
    if (event.type === 'AccountRegistered' || event.type === 'ApiKeyCreated') return accountKeysOf(event);
    return [...indexKeysOf(event), libraryScoreDocId(scoreIdOf(event))];
  },
  relatedKeysOf(event, read) {
    if (event.type === 'ApiKeyCreated') return [];
    const scoreIds = event.type === 'AccountRegistered' ? registeredScores(event, read) : [scoreIdOf(event)];
    return scoreIds.flatMap((scoreId) => {
      const id = libraryScoreDocId(scoreId);
      const before = read(id) as LibraryScoreDoc | undefined;
      // Only these events can give a score people it did not have; after any other, its people are a subset of before's.
      const mayAddPeople = isCreation(event) || isAccessEvent(event) || event.type === 'AccountRegistered';
      const after = mayAddPeople ? (evolveScoreDoc(before, event, id, read) ?? undefined) : undefined;
      const people = new Set([...peopleOf(before), ...peopleOf(after)]);
      return [id, ...[...people].map((person) => libraryEntryDocId(person, scoreId))];
    });
  },
  evolve(doc, event, id, read = noDocs) {
    if (id.startsWith('score:')) return evolveScoreDoc(doc as LibraryScoreDoc | undefined, event, id, read);
    if (id.startsWith('entry:')) return entryOf(id, read);
    return evolveIndexDoc(doc as InviteeIndexDoc | undefined, event, id);
  },
};

function scoreIdOf(event: StoredEvent): string {
  if (isAccessEvent(event)) return accessScoreId(event);
  if (isLifecycleEvent(event)) return lifecycleScoreId(event);
  return event.streamId;
}

function registeredScores(event: StoredEvent, read: DocReader): string[] {
  const [inviteeId] = accountKeysOf(event);
  return (read(inviteeId) as InviteeIndexDoc | undefined)?.scoreIds ?? [];
}

function peopleOf(doc: LibraryScoreDoc | undefined): PersonKey[] {
  return doc?.catalogue ? [...rolesByPerson(doc.access).keys()] : [];
}

function evolveScoreDoc(doc: LibraryScoreDoc | undefined, event: StoredEvent, id: string, read: DocReader): LibraryScoreDoc | null {
  if (event.type === 'ScorePurged') return null;
  if (event.type === 'ScoreTrashed' || event.type === 'ScoreRestored') {
    if (!doc) return null;
    const trashed = event.type === 'ScoreTrashed';
    return { ...doc, trashed, trashedAt: trashed ? event.metadata.recordedAt : null };
  }
  if (event.type === 'AccountRegistered') {
    if (!doc) return null;
    const access = registerInvitee(doc.access, registeredEmailKey(event), (event.data as { userId: string }).userId);
    return access === doc.access ? doc : { ...doc, access };
  }
  if (isAccessEvent(event)) {
    if (!doc) throw new Error(`${event.type} at position ${event.position} is for ${id}, which the library has no score for`);
    const access = evolveAccessCore(doc.access, event, read);
    return access === doc.access ? doc : { ...doc, access };
  }
  const catalogue = scoreCatalogueProjection.evolve(doc?.catalogue ?? undefined, event, scoreIdOfDoc(id));
  if (isCreation(event)) {
    const access = doc?.access ?? newAccessCore(event, read);
    return { kind: 'score', id, scoreId: scoreIdOfDoc(id), catalogue, trashed: doc?.trashed ?? false, trashedAt: doc?.trashedAt ?? null, access };
  }
  if (!doc) throw new Error(`${event.type} at position ${event.position} is for ${id}, which the library has no score for`);
  return { ...doc, catalogue };
}

const scoreIdOfDoc = (id: string): string => id.slice('score:'.length);

/** An entry is its score's document seen by one person: none when the score is gone or the person has no role. */
function entryOf(id: string, read: DocReader): LibraryEntry | null {
  const split = id.lastIndexOf(':');
  const person = id.slice('entry:'.length, split);
  const scoreId = id.slice(split + 1);
  const score = read(libraryScoreDocId(scoreId)) as LibraryScoreDoc | undefined;
  const role = score?.catalogue ? rolesByPerson(score.access).get(person) : undefined;
  if (!score?.catalogue || role === undefined) return null;
  // Field by field rather than a spread: one object shape for every entry, which V8 builds several times faster.
  const { scoreId: _scoreId, title, composer, ownerId, parts, barCount, updatedAt }: ScoreCatalogueEntry = score.catalogue;
  const instruments = instrumentsOf(parts);
  return { kind: 'entry', id, person, scoreId, title, composer, ownerId, parts, barCount, updatedAt, role, trashed: score.trashed, instruments };
}

const instrumentsOfParts = new WeakMap<readonly CataloguePart[], string[]>();

/** Each instrument once, sorted; remembered per parts list, which every entry of a score shares until the parts change. */
function instrumentsOf(parts: readonly CataloguePart[]): string[] {
  const known = instrumentsOfParts.get(parts);
  if (known) return known;
  const instruments = [...new Set(parts.map((part) => part.instrumentId))].sort();
  instrumentsOfParts.set(parts, instruments);
  return instruments;
}
