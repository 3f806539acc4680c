/**
 * One store under test, reduced to what the append workloads need. Each writer knows its
 * stream's version, so every subject is asked for an exact expected version (optimistic
 * concurrency on, as in real command handling).
 */
export interface Appender {
  /** Appends one event to `streamId`, currently at `version` (0 = new stream). */
  appendOne(streamId: string, version: number, sequence: number): Promise<void>;
  /** Events the store holds: checked after each run so a silently dropped append cannot pass. */
  countEvents(): Promise<number>;
  /** Called once the untimed warm-up appends are done, so statistics cover the timed part only. */
  warmedUp?(): void;
  close(): Promise<void>;
}



export class WorkloadCheckError extends Error {
  readonly code = 'BENCH_WORKLOAD_CHECK';
  constructor(message: string) {
    super(message);
    this.name = 'WorkloadCheckError';
  }
}

/** Asserts a pragma value on a connection we measure; a benchmark at the wrong durability is void. */
export function requireSetting(subject: string, setting: string, actual: unknown, expected: unknown): void {
  if (String(actual).toLowerCase() !== String(expected).toLowerCase()) {
    throw new WorkloadCheckError(`${subject}: ${setting} is ${String(actual)}, expected ${String(expected)}`);
  }
}
