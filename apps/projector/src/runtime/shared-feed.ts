import type { AppendOptions, AppendResult, EventStore, NewEvent, ReadAllOptions, ReadStreamOptions, StoredEvent } from '@bandpro/events';

/** Reads the feed forward from position 0 for one rebuild; close it when the rebuild ends, however it ends. */
export interface FeedCursor {
  read(afterPosition: number, limit: number): Promise<StoredEvent[]>;
  close(): void;
}

/** Pages a cursor may read ahead of the slowest other cursor, so the pages it leaves are still cached for that one. */
const CURSOR_LEAD_PAGES = 2;

/**
 * One event store shared by every runner of a process, reading each page of the feed once.
 * Runners rebuilding side by side ask for the same pages (same size, same start), so the second
 * one gets the first one's page instead of parsing the events again. Full pages are kept: a full
 * page never changes (contract G4). A short page at the head can still grow, so it is kept only
 * to the end of the event loop's turn: live runners polling the head together get the same
 * snapshot of it, and see what came after at their next read. Events are shared between
 * projections, which never mutate them.
 *
 * Rebuilds read through cursors that keep in step: a cursor more than CURSOR_LEAD_PAGES ahead of
 * another open one still within reach of the cache waits for it. Without that the projection with the cheapest evolve runs ahead,
 * the pages leave the cache before the slowest one gets there and it parses the whole feed again.
 */
export class SharedFeed implements EventStore {
  private readonly pages = new Map<string, Promise<StoredEvent[]>>();
  /** Open cursors and the position each has read up to. */
  private readonly cursors = new Map<object, number>();
  private wakeCursors: (() => void)[] = [];

  constructor(
    private readonly events: EventStore,
    private readonly capacity = 8,
  ) {}

  readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const key = `${options.afterPosition ?? 0}:${options.limit ?? 'default'}`;
    const cached = this.pages.get(key);
    if (cached) return cached;
    const page = this.events.readAll(options);
    this.pages.set(key, page);
    if (this.pages.size > this.capacity) this.pages.delete(this.pages.keys().next().value as string);
    page.then(
      (events) => {
        // Runners polling the head in the same turn (they wake on the same grid) share one read of it.
        if (options.limit === undefined || events.length < options.limit) setImmediate(() => this.forget(key, page));
      },
      () => this.forget(key, page),
    );
    return page;
  }

  cursor(): FeedCursor {
    const id = {};
    this.cursors.set(id, 0);
    return {
      read: async (afterPosition, limit) => {
        await this.keepInStep(id, afterPosition - limit * CURSOR_LEAD_PAGES, afterPosition - limit * this.capacity);
        const page = await this.readAll({ afterPosition, limit });
        if (this.cursors.has(id)) this.moved(id, page.length > 0 ? page[page.length - 1].position : afterPosition);
        return page;
      },
      close: () => {
        if (this.cursors.delete(id)) this.moved();
      },
    };
  }

  append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    return this.events.append(streamId, events, options);
  }

  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent> {
    return this.events.readStream(streamId, options);
  }

  streamVersion(streamId: string): Promise<number> {
    return this.events.streamVersion(streamId);
  }

  headPosition(): Promise<number> {
    return this.events.headPosition();
  }

  close(): Promise<void> {
    this.pages.clear();
    return this.events.close();
  }

  /**
   * Waits until every other open cursor has read up to `position`. One further behind than
   * `hopeless` (a rebuild started later) would find no page cached anyway: it is not waited for.
   */
  private async keepInStep(id: object, position: number, hopeless: number): Promise<void> {
    while ([...this.cursors].some(([other, at]) => other !== id && at < position && at >= hopeless)) {
      await new Promise<void>((resolve) => this.wakeCursors.push(resolve));
    }
  }

  private moved(id?: object, position?: number): void {
    if (id !== undefined && position !== undefined) this.cursors.set(id, position);
    const waiting = this.wakeCursors;
    this.wakeCursors = [];
    for (const wake of waiting) wake();
  }

  private forget(key: string, page: Promise<StoredEvent[]>): void {
    if (this.pages.get(key) === page) this.pages.delete(key);
  }
}

/** A cursor over any event store: the shared feed's keeps in step with the other rebuilds, a plain store's just reads. */
export function openCursor(events: EventStore): FeedCursor {
  if (events instanceof SharedFeed) return events.cursor();
  return { read: (afterPosition, limit) => events.readAll({ afterPosition, limit }), close: () => undefined };
}
