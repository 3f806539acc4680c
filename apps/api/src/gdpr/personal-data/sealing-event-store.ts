import type { AppendOptions, AppendResult, EventStore, NewEvent, ReadAllOptions, ReadStreamOptions, StoredEvent } from '@bandpro/events';
import { mayHoldPersonalData, openPersonalFields, PERSONAL_FIELDS, sealPersonalFields } from './personal-fields';
import { createPersonalData, type PersonalData } from './personal-data';
import type { PersonalDataConfig } from './personal-data.config';

/**
 * The event store as the API sees it: personal fields (PERSONAL_FIELDS) are sealed on their way in and opened
 * on their way out, so the domain folds plain values while the log, its copies and the projector's read
 * models only ever hold ciphertext. Once a person is erased their fields read as placeholders.
 */
export class SealingEventStore implements EventStore {
  constructor(
    readonly raw: EventStore,
    readonly personalData: PersonalData,
  ) {}

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const sealed = events.some((event) => PERSONAL_FIELDS[event.type] !== undefined)
      ? await Promise.all(events.map(async (event) => ({ ...event, data: await sealPersonalFields(event.type, streamId, event.data, this.personalData) })))
      : events;
    const result = await this.raw.append(streamId, sealed, options);
    return { ...result, events: await this.openAll(result.events) };
  }

  /** Score streams, the hot path, are the store's own iterator: no extra async step per event. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent> {
    return mayHoldPersonalData(streamId) ? this.openStream(streamId, options) : this.raw.readStream(streamId, options);
  }

  async readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    return this.openAll(await this.raw.readAll(options));
  }

  streamVersion(streamId: string): Promise<number> {
    return this.raw.streamVersion(streamId);
  }

  headPosition(): Promise<number> {
    return this.raw.headPosition();
  }

  async close(): Promise<void> {
    await Promise.all([this.raw.close(), this.personalData.close()]);
  }

  /** Score streams hold no personal fields: they pass through untouched, without a promise per event. */
  private async openAll(events: StoredEvent[]): Promise<StoredEvent[]> {
    if (!events.some(holdsPersonalData)) return events;
    return Promise.all(events.map((event) => (holdsPersonalData(event) ? this.openOne(event) : event)));
  }

  private async *openStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent> {
    for await (const event of this.raw.readStream(streamId, options)) yield holdsPersonalData(event) ? await this.openOne(event) : event;
  }

  private async openOne(event: StoredEvent): Promise<StoredEvent> {
    const data = await openPersonalFields(event.type, event.data, this.personalData);
    return data === event.data ? event : { ...event, data };
  }
}

const holdsPersonalData = (event: StoredEvent): boolean => PERSONAL_FIELDS[event.type] !== undefined;

/** The API's EVENT_STORE: `inner` behind the personal-data seal. */
export async function createSealingEventStore(inner: EventStore, config: PersonalDataConfig): Promise<SealingEventStore> {
  return new SealingEventStore(inner, await createPersonalData(config, inner));
}

/** Injection token of the PersonalData the EVENT_STORE seals with. */
export const PERSONAL_DATA = Symbol('PERSONAL_DATA');

export function personalDataOf(store: EventStore): PersonalData {
  if (!(store instanceof SealingEventStore)) throw new Error('The API event store must seal personal data');
  return store.personalData;
}

/** The log as stored (sealed fields stay sealed): for scans that need no personal field, and for purgers that look for sealed subjects. */
export function rawStoreOf(store: EventStore): EventStore {
  return store instanceof SealingEventStore ? store.raw : store;
}
