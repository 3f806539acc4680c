import type { StoredEvent } from '../envelope';

/** Moves one event type's data from `fromSchemaVersion` to `fromSchemaVersion + 1`. Pure. */
export interface Upcaster {
  type: string;
  fromSchemaVersion: number;
  upcast(data: unknown): unknown;
}

export class UpcasterError extends Error {
  readonly code = 'UPCASTER_INVALID';
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'UpcasterError';
  }
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
    const { type, fromSchemaVersion } = upcaster;
    if (typeof type !== 'string' || type.length === 0) throw new UpcasterError('An upcaster needs an event type');
    if (!Number.isInteger(fromSchemaVersion) || fromSchemaVersion < 1) {
      throw new UpcasterError(`Upcaster for ${type}: fromSchemaVersion must be a positive integer, got ${fromSchemaVersion}`);
    }
    const steps = this.byType.get(type) ?? new Map<number, Upcaster>();
    if (steps.has(fromSchemaVersion)) {
      throw new UpcasterError(`Two upcasters for ${type} v${fromSchemaVersion}`);
    }
    steps.set(fromSchemaVersion, upcaster);
    this.byType.set(type, steps);
    return this;
  }

  /** The schema version new events of `type` are written with: 1 + the last upcaster's source. */
  currentVersion(type: string): number {
    const steps = this.byType.get(type);
    return steps ? Math.max(...steps.keys()) + 1 : 1;
  }

  /** The event types that have at least one upcaster, i.e. at least one old schema version. */
  types(): string[] {
    return [...this.byType.keys()].sort();
  }

  /**
   * Today's shape of a stored event. Refuses, rather than guesses, when the chain cannot reach
   * today's version (a missing step) or the event is newer than this code (written by a newer
   * deployment): handing either to `evolve` would silently misread it.
   */
  upcast<E extends StoredEvent>(event: E): E {
    const steps = this.byType.get(event.type);
    if (!steps) return event;
    const current = this.currentVersion(event.type);
    if (event.schemaVersion > current) {
      throw new UpcasterError(`${describe(event)} is v${event.schemaVersion}, newer than this code's v${current}`);
    }
    let { data, schemaVersion } = event;
    for (; schemaVersion < current; schemaVersion += 1) {
      data = this.step(steps, event, schemaVersion, data) as E['data'];
    }
    return schemaVersion === event.schemaVersion ? event : { ...event, data, schemaVersion };
  }

  private step(steps: Map<number, Upcaster>, event: StoredEvent, from: number, data: unknown): unknown {
    const upcaster = steps.get(from);
    if (!upcaster) throw new UpcasterError(`No upcaster for ${event.type} v${from}, needed by ${describe(event)}`);
    try {
      return upcaster.upcast(data);
    } catch (error) {
      throw new UpcasterError(`Upcasting ${describe(event)} from v${from} failed: ${(error as Error).message}`, error);
    }
  }
}

function describe(event: StoredEvent): string {
  return `${event.type} event ${event.eventId} (${event.streamId}@${event.version})`;
}
