import type { AppendOptions, AppendResult, EventStore, NewEvent, ReadAllOptions, ReadStreamOptions, StoredEvent } from '@bandpro/events';

/**
 * One event store shared by every runner of a process, reading each page of the feed once.
 * Runners rebuilding side by side ask for the same pages (same size, same start), so the second
 * one gets the first one's page instead of parsing the events again. Only full pages are kept:
 * a short page at the head can still grow, a full one never changes (contract G4). Events are
 * shared between projections, which never mutate them.
 */
export class SharedFeed implements EventStore {
  private readonly pages = new Map<string, Promise<StoredEvent[]>>();

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
        if (options.limit === undefined || events.length < options.limit) this.forget(key, page);
      },
      () => this.forget(key, page),
    );
    return page;
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

  private forget(key: string, page: Promise<StoredEvent[]>): void {
    if (this.pages.get(key) === page) this.pages.delete(key);
  }
}
