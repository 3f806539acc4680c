import { flakyProcessor, gatedProcessor, storedFor, until } from '../../test/support/processors';
import { request } from '../../test/support/fixtures';
import { RuleViolationError } from '@bandpro/domain';
import { ExportRequestError } from '../errors';
import { exportIdOf } from '../request/export-request';
import { InProcessExportQueue } from './in-process-export-queue';

const retry = { attempts: 3, backoffMs: 5 };

describe('InProcessExportQueue', () => {
  let queue: InProcessExportQueue;
  afterEach(() => queue?.close());

  it('should run an export once however often the same request comes, and report it completed', async () => {
    const processor = flakyProcessor(0);
    queue = new InProcessExportQueue(processor, retry);
    const first = await queue.enqueue(request());
    const again = await queue.enqueue(request({ formats: ['pdf', 'pdf'] }));
    expect(again.exportId).toBe(first.exportId);
    const done = await until(async () => (await queue.status(first.exportId))?.state === 'completed' && queue.status(first.exportId), 'completion');
    expect(done).toMatchObject({ state: 'completed', progress: 100, result: storedFor(first.exportId) });
    await queue.enqueue(request());
    expect(processor.runs).toEqual([first.exportId]);
  });

  it('should retry a failed attempt after a pause and complete on the next', async () => {
    const processor = flakyProcessor(1);
    queue = new InProcessExportQueue(processor, retry);
    const { exportId } = await queue.enqueue(request());
    await until(async () => (await queue.status(exportId))?.state === 'completed', 'completion after a retry');
    expect(processor.runs).toEqual([exportId, exportId]);
  });

  it('should give up after the last attempt with the error code, and start over when asked again', async () => {
    const processor = flakyProcessor(3, () => Object.assign(new Error('no space'), { code: 'ENOSPC_LIKE' }));
    queue = new InProcessExportQueue(processor, retry);
    const { exportId } = await queue.enqueue(request());
    const failed = await until(async () => (await queue.status(exportId))?.state === 'failed' && queue.status(exportId), 'failure');
    expect(failed).toMatchObject({ state: 'failed', errorCode: 'ENOSPC_LIKE' });
    expect(processor.runs).toHaveLength(3);
    expect(await queue.enqueue(request())).toMatchObject({ exportId, state: 'queued' });
    await until(async () => (await queue.status(exportId))?.state === 'completed', 'completion after starting over');
  });

  it.each([
    ['a request for a part that is not there', () => new ExportRequestError('EXPORT_PART_NOT_FOUND', 'no part'), 'EXPORT_PART_NOT_FOUND'],
    ['a score Verovio cannot engrave', () => new RuleViolationError('RENDER_FAILED', 'cannot engrave'), 'RENDER_FAILED'],
  ])('should not retry %s, which can never succeed', async (_what, failure, code) => {
    const processor = flakyProcessor(1, failure);
    queue = new InProcessExportQueue(processor, retry);
    const { exportId } = await queue.enqueue(request());
    await until(async () => (await queue.status(exportId))?.state === 'failed', 'failure');
    expect((await queue.status(exportId))?.errorCode).toBe(code);
    expect(processor.runs).toHaveLength(1);
  });

  it('should show the progress of a running export, and run the next only after it', async () => {
    const { processor, release } = gatedProcessor(40);
    queue = new InProcessExportQueue(processor, retry);
    const first = await queue.enqueue(request());
    const second = await queue.enqueue(request({ version: 2 }));
    const running = await until(async () => (await queue.status(first.exportId))?.progress === 40 && queue.status(first.exportId), 'progress');
    expect(running).toMatchObject({ state: 'active', progress: 40 });
    expect(await queue.status(second.exportId)).toMatchObject({ state: 'queued', progress: 0 });
    release();
    await until(async () => (await queue.status(second.exportId))?.state === 'completed', 'the second export');
  });

  it('should know nothing of an export never asked for', async () => {
    queue = new InProcessExportQueue(flakyProcessor(0));
    expect(await queue.status(exportIdOf(request()))).toBeUndefined();
  });

  it('should drop a pending retry when closed', async () => {
    const processor = flakyProcessor(1);
    queue = new InProcessExportQueue(processor, { attempts: 3, backoffMs: 60_000 });
    const { exportId } = await queue.enqueue(request());
    await until(async () => processor.runs.length === 1 && (await queue.status(exportId))?.state === 'queued', 'the first failure');
    await queue.close();
    expect(processor.runs).toHaveLength(1);
  });

  it('should forget the oldest finished exports beyond the number it keeps, never a running one', async () => {
    queue = new InProcessExportQueue(flakyProcessor(0), retry, 2);
    const ids: string[] = [];
    for (const version of [1, 2, 3]) {
      const { exportId } = await queue.enqueue(request({ version }));
      await until(async () => (await queue.status(exportId))?.state === 'completed', `export ${version}`);
      ids.push(exportId);
    }
    const { exportId: fourth } = await queue.enqueue(request({ version: 4 }));
    expect(await queue.status(ids[0])).toBeUndefined();
    expect(await queue.status(ids[1])).toMatchObject({ state: 'completed' });
    await until(async () => (await queue.status(fourth))?.state === 'completed', 'the fourth export');
  });

  describe('with a fake clock', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('should wait the backoff before the second try and twice that before the third', async () => {
      const processor = flakyProcessor(2);
      queue = new InProcessExportQueue(processor, { attempts: 3, backoffMs: 1_000 });
      const { exportId } = await queue.enqueue(request());
      await jest.advanceTimersByTimeAsync(999);
      expect(processor.runs).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(1);
      expect(processor.runs).toHaveLength(2);
      await jest.advanceTimersByTimeAsync(1_999);
      expect(processor.runs).toHaveLength(2);
      await jest.advanceTimersByTimeAsync(1);
      expect(processor.runs).toHaveLength(3);
      expect(await queue.status(exportId)).toMatchObject({ state: 'completed' });
    });
  });
});
