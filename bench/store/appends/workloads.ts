import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { percentile, perSecond } from '../../harness/stats';
import { withTempDir } from '../../harness/temp';
import { WorkloadCheckError, type Appender } from './appender';

/** Appends that are not timed: statement preparation, page cache, JIT. */
const WARM_UP_APPENDS = 100;

/**
 * One subject's progress through a workload: its open store, the version of each of its streams,
 * and the time spent appending so far.
 */
export class Lane<A extends Appender = Appender> {
  elapsedMs = 0;
  appends = 0;
  readonly latencies: number[] = [];
  private readonly versions = new Map<string, number>();

  constructor(readonly appender: A) {}

  /** Appends the next event of `streamId` with its exact expected version, recording the latency. */
  async append(streamId: string): Promise<void> {
    const version = this.versions.get(streamId) ?? 0;
    const calledAt = performance.now();
    await this.appender.appendOne(streamId, version, version);
    this.latencies.push(performance.now() - calledAt);
    this.versions.set(streamId, version + 1);
  }

  /** Times `work` (`appends` appends) into this lane's totals. */
  async timed(appends: number, work: () => Promise<void>): Promise<void> {
    const startedAt = performance.now();
    await work();
    this.elapsedMs += performance.now() - startedAt;
    this.appends += appends;
  }

  get perSecond(): number {
    return perSecond(this.appends, this.elapsedMs);
  }

  get p99Ms(): number {
    return percentile(this.latencies, 99);
  }
}

/** One writer, single-event appends to one stream, each awaited before the next. */
export const sequentialSlice = (count: number) => (lane: Lane) =>
  lane.timed(count, async () => {
    for (let i = 0; i < count; i += 1) await lane.append('score-sequential');
  });

/** `writers` writers on their own streams, each awaiting its own appends in a loop. */
export const concurrentSlice = (writers: number, perWriter: number) => (lane: Lane) =>
  lane.timed(writers * perWriter, async () => {
    const writer = async (index: number) => {
      for (let i = 0; i < perWriter; i += 1) await lane.append(`score-writer-${index}`);
    };
    await Promise.all(Array.from({ length: writers }, (_, index) => writer(index)));
  });

type Slice = (lane: Lane) => Promise<void>;

/**
 * Opens every subject on its own fresh file, then runs `rounds` rounds in which each subject does
 * one slice in turn. Spreading each subject over the whole run means a burst of disk or CPU
 * contention from other processes hits all subjects alike, which keeps their ratios honest on a
 * shared machine. Afterwards each store must hold exactly what was appended.
 */
export async function interleaved<O extends Record<string, (dir: string) => Promise<Appender>>>(
  openers: O,
  rounds: number,
  slices: { [K in keyof O]: Slice },
): Promise<{ [K in keyof O]: Lane<Awaited<ReturnType<O[K]>>> }> {
  const names = Object.keys(openers) as (keyof O & string)[];
  return withTempDir('appends', async (dir) => {
    const lanes = {} as { [K in keyof O]: Lane<Awaited<ReturnType<O[K]>>> };
    try {
      for (const name of names) {
        mkdirSync(join(dir, name));
        lanes[name] = new Lane((await openers[name](join(dir, name))) as Awaited<ReturnType<O[typeof name]>>);
        await warmUp(lanes[name]);
      }
      for (let round = 0; round < rounds; round += 1) {
        for (const name of names) await slices[name](lanes[name]);
      }
      for (const name of names) await expectEvents(name, lanes[name]);
      return lanes;
    } finally {
      for (const name of names) await lanes[name]?.appender.close();
    }
  });
}

async function warmUp(lane: Lane): Promise<void> {
  for (let i = 0; i < WARM_UP_APPENDS; i += 1) await lane.append('score-warm-up');
  lane.latencies.length = 0;
  lane.appender.warmedUp?.();
}

async function expectEvents(name: string, lane: Lane): Promise<void> {
  const expected = WARM_UP_APPENDS + lane.appends;
  const actual = await lane.appender.countEvents();
  if (actual !== expected) throw new WorkloadCheckError(`${name} holds ${actual} events, expected ${expected}`);
}
