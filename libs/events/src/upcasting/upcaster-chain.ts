import type { StoredEvent } from '../envelope';

/** Moves one event type's data from `fromSchemaVersion` to `fromSchemaVersion + 1`. Pure. */
export interface Upcaster {
  type: string;
  fromSchemaVersion: number;
  upcast(data: unknown): unknown;
}

export class UpcasterError extends Error {
  readonly code = 'UPCASTER_INVALID';
}

/**
 * The registry of upcasters (contract G8). Store adapters call `upcast` on every event they read
 * and `currentVersion` to stamp new events, so readers only ever see today's schema.
 */
export class UpcasterChain {
  private readonly byType = new Map<string, Map<number, Upcaster>>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) this.register(upcaster);
  }

  register(upcaster: Upcaster): this {
    const steps = this.byType.get(upcaster.type) ?? new Map<number, Upcaster>();
    if (steps.has(upcaster.fromSchemaVersion)) {
      throw new UpcasterError(`Two upcasters for ${upcaster.type} v${upcaster.fromSchemaVersion}`);
    }
    steps.set(upcaster.fromSchemaVersion, upcaster);
    this.byType.set(upcaster.type, steps);
    return this;
  }

  /** The schema version new events of `type` are written with: 1 + the last upcaster's source. */
  currentVersion(type: string): number {
    const steps = this.byType.get(type);
    return steps ? Math.max(...steps.keys()) + 1 : 1;
  }

  upcast<E extends StoredEvent>(event: E): E {
    const steps = this.byType.get(event.type);
    if (!steps) return event;
    let { data, schemaVersion } = event;
    for (let step = steps.get(schemaVersion); step; step = steps.get(schemaVersion)) {
      data = step.upcast(data) as E['data'];
      schemaVersion += 1;
    }
    return schemaVersion === event.schemaVersion ? event : { ...event, data, schemaVersion };
  }
}
