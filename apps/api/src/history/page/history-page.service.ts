import { Inject, Injectable } from '@nestjs/common';
import { groupSessions, summarize, type Change, type ChangeKind, type HistoryActor, type Locale } from '@bandpro/history';
import type { ScoreLoader } from '../../infrastructure/score-loader';
import { SCORE_LOADER } from '../../infrastructure/tokens';
import { ActorNames } from '../actor-names';
import { ChangeLog } from '../change-log';
import { applyEvents } from '../score-states';

export interface ChangeView {
  commandId: string;
  fromVersion: number;
  toVersion: number;
  actor: HistoryActor & { name: string };
  recordedAt: string;
  kind: ChangeKind;
  eventCount: number;
  summary: string;
}

export interface HistoryPage {
  /** The score's newest version when the page was read. */
  version: number;
  /** Newest first. */
  changes: ChangeView[];
  /** Consecutive changes by one person within minutes, for display (newest first). */
  sessions: ReturnType<typeof groupSessions>;
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
}

/** The changes that end before `before`, newest first, each with a readable summary. */
@Injectable()
export class HistoryPageService {
  constructor(
    private readonly log: ChangeLog,
    private readonly names: ActorNames,
    @Inject(SCORE_LOADER) private readonly loader: ScoreLoader,
  ) {}

  async page(scoreId: string, options: { before?: number; limit?: number; locale?: Locale }): Promise<HistoryPage> {
    const { version, changes } = await this.log.read(scoreId);
    const end = options.before === undefined ? changes.length : firstEndingAtOrAfter(changes, options.before);
    const start = Math.max(0, end - (options.limit ?? 50));
    const slice = changes.slice(start, end);
    const views = await this.describe(scoreId, slice, options.locale ?? 'en');
    return { version, changes: views.reverse(), sessions: groupSessions(slice).reverse(), nextBefore: start > 0 ? slice[0].fromVersion : null };
  }

  private async describe(scoreId: string, slice: Change[], locale: Locale): Promise<ChangeView[]> {
    if (slice.length === 0) return [];
    let { state } = await this.loader.load(scoreId, { version: slice[0].fromVersion - 1 });
    const views: ChangeView[] = [];
    for (const change of slice) {
      const actorName = await this.names.nameOf(change.actor);
      const summary = summarize(change, state, { locale, actorName });
      state = applyEvents(state, change.events);
      const { commandId, fromVersion, toVersion, actor, recordedAt, kind, events } = change;
      views.push({ commandId, fromVersion, toVersion, actor: { ...actor, name: actorName }, recordedAt, kind, eventCount: events.length, summary });
    }
    return views;
  }
}

/** Binary search: the index of the first change whose last version is at or after `version`. */
function firstEndingAtOrAfter(changes: readonly Change[], version: number): number {
  let low = 0;
  let high = changes.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (changes[mid].toVersion < version) low = mid + 1;
    else high = mid;
  }
  return low;
}
