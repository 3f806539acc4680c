import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { AccessRole } from '@bandpro/domain';
import type { EventStore } from '@bandpro/events';
import { SCORE_CATALOGUE_COLLECTION, type ReadModelStore, type ScoreCatalogueEntry } from '@bandpro/read-models';
import { QUERY_RESULT_TTL_SECONDS, readThrough, type Cache } from '../../../infrastructure/cache/cache.port';
import { CACHE, EVENT_STORE, READ_MODEL_STORE } from '../../../infrastructure/tokens';
import { SharedScores } from '../../../sharing/shared-scores';
import { SCORE_CATALOGUE_PROJECTION } from '../projections';
import { isTrashedAt, lifecycleStreamId } from '../../lifecycle/score-lifecycle';
import { ListScores } from './list-scores.query';

export type ListedScore = ScoreCatalogueEntry & { trashed: boolean; role: AccessRole };

export interface ScorePage {
  items: ListedScore[];
  total: number;
  limit: number;
  offset: number;
}

type Options = ListScores['options'];

/**
 * The caller's scores and those shared with them, from the catalogue. The read-model store filters by equality
 * only, so search, instrument and trash filters and the order run here over those rows: fine for hundreds of
 * scores per user; a search index is the next step beyond that. Results are cached under the catalogue
 * checkpoint and the store's head (access and trash changes move it), so any change makes a new key.
 */
@QueryHandler(ListScores)
export class ListScoresHandler implements IQueryHandler<ListScores, ScorePage> {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CACHE) private readonly cache: Cache,
    private readonly shared: SharedScores,
  ) {}

  async execute({ ownerId, userId, options }: ListScores): Promise<ScorePage> {
    const [{ position }, head] = await Promise.all([this.readModels.checkpoint(SCORE_CATALOGUE_PROJECTION), this.store.headPosition()]);
    const key = `scores:${ownerId}:${userId}:${position}:${head}:${JSON.stringify(options)}`;
    return readThrough(this.cache, key, QUERY_RESULT_TTL_SECONDS, () => this.list(ownerId, userId, options));
  }

  private async list(ownerId: string, userId: string, options: Options): Promise<ScorePage> {
    const rows = (await this.visibleRows(ownerId, userId)).filter((row) => matches(row, options));
    const withTrash = await Promise.all(rows.map(async (row) => ({ ...row, trashed: isTrashedAt(await this.store.streamVersion(lifecycleStreamId(row.scoreId))) })));
    const listed = withTrash.filter((row) => row.trashed === options.trashed).sort(byOption(options));
    return { items: listed.slice(options.offset, options.offset + options.limit), total: listed.length, limit: options.limit, offset: options.offset };
  }

  private async visibleRows(ownerId: string, userId: string): Promise<(ScoreCatalogueEntry & { role: AccessRole })[]> {
    const [owned, roles] = await Promise.all([
      this.readModels.find<ScoreCatalogueEntry>(SCORE_CATALOGUE_COLLECTION, { where: { ownerId } }),
      this.shared.rolesFor(userId),
    ]);
    const ownedIds = new Set(owned.map((row) => row.scoreId));
    const sharedIds = [...roles.keys()].filter((scoreId) => !ownedIds.has(scoreId));
    const shared = await Promise.all(sharedIds.map((scoreId) => this.readModels.find<ScoreCatalogueEntry>(SCORE_CATALOGUE_COLLECTION, { where: { scoreId } })));
    return [
      ...owned.map((row) => ({ ...row, role: 'owner' as const })),
      ...shared.flat().map((row) => ({ ...row, role: roles.get(row.scoreId) as AccessRole })),
    ];
  }
}

function matches(row: ScoreCatalogueEntry, options: Options): boolean {
  const words = (options.q ?? '').toLowerCase().split(/\s+/).filter((w) => w !== '');
  return words.every((w) => `${row.title} ${row.composer}`.toLowerCase().includes(w))
    && (options.instrument === undefined || row.parts.some((p) => p.instrumentId === options.instrument));
}

/** Own and shared rows come from separate reads, so the order is applied here, ties broken by id for stable pages. */
function byOption({ sort, order }: Options): (a: ScoreCatalogueEntry, b: ScoreCatalogueEntry) => number {
  const sign = order === 'asc' ? 1 : -1;
  return (a, b) => {
    const [x, y] = [String(a[sort] ?? ''), String(b[sort] ?? '')];
    if (x !== y) return x < y ? -sign : sign;
    return a.scoreId < b.scoreId ? -1 : a.scoreId > b.scoreId ? 1 : 0;
  };
}
