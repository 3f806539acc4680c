import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { AccessRole } from '@bandpro/domain';
import { SCORE_LIBRARY_COLLECTION, userPerson, type LibraryEntry, type ReadModelStore, type ScoreCatalogueEntry } from '@bandpro/read-models';
import { QUERY_RESULT_TTL_SECONDS, readThrough, type Cache } from '../../../infrastructure/cache/cache.port';
import { CACHE, READ_MODEL_STORE } from '../../../infrastructure/tokens';
import { SCORE_READ_CACHES, type ScoreReadCaches } from '../score-read-caches';
import { ListScores } from './list-scores.query';

export type ListedScore = ScoreCatalogueEntry & { trashed: boolean; role: AccessRole; instruments: string[] };

export interface ScorePage {
  items: ListedScore[];
  total: number;
  limit: number;
  offset: number;
}

type Options = ListScores['options'];

/**
 * The caller's library: the scores they own or hold a role on, as the projector's score-library
 * keeps them (trash state and role included). The store filters by person and trash and sorts;
 * words and instrument are matched here over that person's entries, fine for hundreds of scores
 * each. Pages are cached under the user's library version, which covers every event appended
 * before the query (a list right after a trash shows it), so any change makes a new key.
 */
@QueryHandler(ListScores)
export class ListScoresHandler implements IQueryHandler<ListScores, ScorePage> {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(SCORE_READ_CACHES) private readonly versions: ScoreReadCaches,
    @Inject(CACHE) private readonly cache: Cache,
  ) {}

  async execute({ userId, options }: ListScores): Promise<ScorePage> {
    const version = await this.versions.libraryVersion(userId);
    const key = `scores:${userId}:${version}:${JSON.stringify(options)}`;
    return readThrough(this.cache, key, QUERY_RESULT_TTL_SECONDS, () => this.list(userId, options));
  }

  private async list(userId: string, options: Options): Promise<ScorePage> {
    const entries = await this.readModels.find<LibraryEntry>(SCORE_LIBRARY_COLLECTION, {
      where: { kind: 'entry', person: userPerson(userId), trashed: options.trashed },
      orderBy: { field: options.sort, direction: options.order },
    });
    const listed = entries.filter((entry) => matches(entry, options)).map(listedScore);
    return { items: listed.slice(options.offset, options.offset + options.limit), total: listed.length, limit: options.limit, offset: options.offset };
  }
}

function matches(entry: LibraryEntry, options: Options): boolean {
  const words = (options.q ?? '').toLowerCase().split(/\s+/).filter((w) => w !== '');
  return words.every((w) => `${entry.title} ${entry.composer}`.toLowerCase().includes(w))
    && (options.instrument === undefined || entry.instruments.includes(options.instrument));
}

function listedScore({ kind: _kind, id: _id, person: _person, ...entry }: LibraryEntry): ListedScore {
  return entry;
}
