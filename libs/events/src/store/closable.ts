import { StoreUnavailableError } from './errors';

/** Tracks whether an adapter was closed, so late calls fail with a typed error, not a driver one. */
export class OpenGuard {
  private open = true;

  constructor(private readonly name: string) {}

  get isOpen(): boolean {
    return this.open;
  }

  close(): void {
    this.open = false;
  }

  assertOpen(): void {
    if (!this.open) throw new StoreUnavailableError(`${this.name} is closed`);
  }
}
