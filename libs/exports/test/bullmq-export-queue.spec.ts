import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { RuleViolationError } from '@bandpro/domain';
import { BullMqExportQueue, BullMqExportWorker, ExportJobHandlerMissingError, ExportRequestError, type ExportProcessor } from '../src';
import { request } from './support/fixtures';
import { flakyProcessor, gatedProcessor, storedFor, until } from './support/processors';
import { REDIS_URL, redisAvailable, removePrefix, uniquePrefix } from './support/redis';

jest.setTimeout(30_000);

const retry = { attempts: 3, backoffMs: 20 };
let available = false;

beforeAll(async () => {
  available = await redisAvailable();
  // Straight to the terminal: Jest drops console output of suites whose tests all skip.
  if (!available) process.stdout.write(`BullMQ export queue: skipped (no Redis at ${REDIS_URL})\n`);
});

describe('the BullMQ export queue and worker on a real Redis', () => {
  let prefix: string;
  let queue: BullMqExportQueue;
  let worker: BullMqExportWorker | undefined;

  const run = (processor: ExportProcessor) => {
    worker = new BullMqExportWorker({ redisUrl: REDIS_URL, prefix, handlers: { 'render-export': processor } });
    return worker.waitUntilReady();
  };
  const stateOf = async (exportId: string) => (await queue.status(exportId))?.state;

  beforeEach(() => {
    prefix = uniquePrefix();
    if (available) queue = new BullMqExportQueue({ redisUrl: REDIS_URL, prefix }, retry);
  });

  afterEach(async () => {
    if (!available) return;
    await worker?.close();
    worker = undefined;
    await queue.close();
    await removePrefix(prefix);
  });

  const maybe = (name: string, test: () => Promise<void>) => it(name, async () => {
    if (available) await test();
  });

  maybe('should keep one job for identical requests, even sent at once', async () => {
    const replies = await Promise.all([queue.enqueue(request()), queue.enqueue(request()), queue.enqueue(request({ formats: ['pdf', 'pdf'] }))]);
    expect(new Set(replies.map((r) => r.exportId)).size).toBe(1);
    expect(replies[0]).toMatchObject({ state: 'queued', progress: 0, request: request() });
    const redis = new Redis(REDIS_URL);
    const waiting = await redis.llen(`${prefix}:exports:wait`);
    await redis.quit();
    expect(waiting).toBe(1);
  });

  maybe('should retry a failed render with backoff, then complete with where the file went', async () => {
    const processor = flakyProcessor(1);
    const { exportId } = await queue.enqueue(request());
    await run(processor);
    await until(async () => (await stateOf(exportId)) === 'completed', 'completion after a retry');
    expect(processor.runs).toEqual([exportId, exportId]);
    expect(await queue.status(exportId)).toMatchObject({ state: 'completed', progress: 100, result: storedFor(exportId) });
    const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const raw = new Queue('exports', { connection, prefix });
    const job = await raw.getJob(exportId);
    await raw.close();
    await connection.quit();
    expect(job).toMatchObject({ attemptsMade: 2, opts: { attempts: 3, backoff: { type: 'exponential', delay: 20 } } });
  });

  maybe('should show the progress a running render reports', async () => {
    const { processor, release } = gatedProcessor(40);
    const { exportId } = await queue.enqueue(request());
    await run(processor);
    const running = await until(async () => {
      const status = await queue.status(exportId);
      return status?.progress === 40 && status;
    }, 'progress');
    expect(running.state).toBe('active');
    release();
    await until(async () => (await stateOf(exportId)) === 'completed', 'completion');
  });

  maybe('should fail a request that can never succeed at once, with its code, and start it over when asked again', async () => {
    const processor = flakyProcessor(1, () => new ExportRequestError('EXPORT_PART_NOT_FOUND', 'no such part'));
    const { exportId } = await queue.enqueue(request());
    await run(processor);
    await until(async () => (await stateOf(exportId)) === 'failed', 'failure');
    expect(await queue.status(exportId)).toMatchObject({ state: 'failed', errorCode: 'EXPORT_PART_NOT_FOUND' });
    expect(processor.runs).toHaveLength(1);
    await queue.enqueue(request());
    await until(async () => (await stateOf(exportId)) === 'completed', 'completion after starting over');
  });

  maybe('should fail a score that cannot be engraved (RENDER_FAILED) at once, without retries', async () => {
    const processor = flakyProcessor(1, () => new RuleViolationError('RENDER_FAILED', 'Verovio cannot engrave this score'));
    const { exportId } = await queue.enqueue(request());
    await run(processor);
    await until(async () => (await stateOf(exportId)) === 'failed', 'failure');
    expect(await queue.status(exportId)).toMatchObject({ state: 'failed', errorCode: 'RENDER_FAILED' });
    expect(processor.runs).toHaveLength(1);
  });

  maybe('should record a plain error\'s generic code once every attempt is used', async () => {
    const processor = flakyProcessor(3);
    const { exportId } = await queue.enqueue(request());
    await run(processor);
    await until(async () => (await stateOf(exportId)) === 'failed', 'failure');
    expect(processor.runs).toHaveLength(3);
    expect((await queue.status(exportId))?.errorCode).toBe('EXPORT_FAILED');
  });

  maybe('should know nothing of an export never asked for', async () => {
    expect(await queue.status('0'.repeat(40))).toBeUndefined();
  });
});

describe('BullMqExportWorker', () => {
  it('should refuse to start while a job name has no handler', () => {
    expect(() => new BullMqExportWorker({ redisUrl: REDIS_URL, prefix: uniquePrefix(), handlers: {} })).toThrow(ExportJobHandlerMissingError);
  });
});
