import { DownloadSigner } from '@bandpro/exports';
import { unzipSync } from 'fflate';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { signIn, type User } from '../support/accounts';
import { call } from '../support/http';
import { startApi, tempDataDir, TEST_JWT_SECRET, type RunningApi } from '../support/processes';
import { idsOf, noteData, type CreatedIds } from '../support/score-fixtures';

jest.setTimeout(120_000);

/** POST → poll → download with the in-process queue (no REDIS_URL): the API renders, stores under DATA_DIR, serves. */
describe('exports over HTTP, rendered in the API process', () => {
  const data = tempDataDir();
  let api: RunningApi;
  let alice: User;
  let stranger: User;
  let score: CreatedIds;

  const exportOf = (body: unknown, user: User = alice) => call(api.url, 'POST', `/api/v1/scores/${score.scoreId}/exports`, { user, body });
  const statusOf = (exportId: string, user: User = alice) => call(api.url, 'GET', `/api/v1/exports/${exportId}`, { user });
  /** Polls every 200 ms, as a client would; a failed export fails the test with what the API said. */
  const completed = async (exportId: string) => {
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
      const reply = await statusOf(exportId);
      if (reply.body.status === 'failed') throw new Error(`export failed: ${JSON.stringify(reply.body)}`);
      if (reply.body.status === 'completed') return reply.body;
    }
    throw new Error(`export ${exportId} did not complete:\n${api.output()}`);
  };
  const download = async (url: string) => {
    const response = await fetch(api.url + url);
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
  };

  beforeAll(async () => {
    api = await startApi({ DATA_DIR: data.dir });
    [alice, stranger] = await Promise.all([signIn(api.url, 'alice'), signIn(api.url, 'stranger')]);
    const created = await call(api.url, 'POST', '/api/v1/scores', { user: alice, body: { title: 'Blue Bossa', instrumentIds: ['trumpet-bb'], measureCount: 2 } });
    score = idsOf(created.body);
    await call(api.url, 'POST', `/api/v1/scores/${score.scoreId}/notes`, { user: alice, body: noteData(score.partIds[0], score.measureIds[0], 0) });
  });

  afterAll(async () => {
    await api?.stop();
    data.remove();
  });

  it('should accept an export with 202, give the same export for the same request, and hand over a PDF pdfinfo reads', async () => {
    const accepted = await exportOf({ formats: ['pdf'] });
    expect(accepted).toMatchObject({ status: 202, body: { exportId: expect.stringMatching(/^[0-9a-f]{40}$/), status: expect.any(String) } });
    const again = await exportOf({ formats: ['pdf'], parts: 'score', version: 2, pageSize: 'A4', concertPitch: false });
    expect(again.body.exportId).toBe(accepted.body.exportId);

    const done = await completed(accepted.body.exportId);
    expect(done).toMatchObject({ scoreId: score.scoreId, version: 2, formats: ['pdf'], parts: 'score', progress: 100, fileName: 'Blue Bossa.pdf' });
    const { response, bytes } = await download(done.downloadUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain('filename="Blue Bossa.pdf"');
    const file = join(data.dir, 'downloaded.pdf');
    writeFileSync(file, bytes);
    const { stdout } = await promisify(execFile)('pdfinfo', [file]);
    expect(stdout).toMatch(/Pages:\s+1/);
    expect(stdout).toMatch(/Title:\s+Blue Bossa/);
  });

  it('should zip several formats of a part, each entry named after the score and the part', async () => {
    const accepted = await exportOf({ formats: ['musicxml', 'midi', 'pdf'], parts: [score.partIds[0]], version: 1 });
    const done = await completed(accepted.body.exportId);
    const { response, bytes } = await download(done.downloadUrl);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toContain('filename="Blue Bossa.zip"');
    const entries = unzipSync(bytes);
    expect(Object.keys(entries).sort()).toEqual(['Blue Bossa - Trumpet in B♭.mid', 'Blue Bossa - Trumpet in B♭.musicxml', 'Blue Bossa - Trumpet in B♭.pdf']);
    expect(Buffer.from(entries['Blue Bossa - Trumpet in B♭.mid'].slice(0, 4)).toString()).toBe('MThd');
    expect(Buffer.from(entries['Blue Bossa - Trumpet in B♭.pdf'].slice(0, 5)).toString()).toBe('%PDF-');
    expect(Buffer.from(entries['Blue Bossa - Trumpet in B♭.musicxml']).toString()).toContain('<score-partwise version="4.0">');
  });

  it('should refuse a tampered link as invalid and an expired one as expired', async () => {
    const done = await completed((await exportOf({ formats: ['pdf'] })).body.exportId);
    const link = new URL(done.downloadUrl, api.url);
    const tampered = new URL(link);
    tampered.searchParams.set('name', 'Something else.pdf');
    expect(await call(api.url, 'GET', tampered.pathname + tampered.search)).toMatchObject({ status: 403, body: { code: 'DOWNLOAD_LINK_INVALID' } });
    // The same grant, signed with the API's secret an hour ago for ten minutes: authentic, but over.
    const anHourAgo = new DownloadSigner(TEST_JWT_SECRET, () => Math.floor(Date.now() / 1000) - 3600);
    const expired = anHourAgo.sign(String(link.searchParams.get('key')), String(link.searchParams.get('name')), 600);
    expect(await call(api.url, 'GET', `/api/v1/exports/download?${expired}`)).toMatchObject({ status: 410, body: { code: 'DOWNLOAD_LINK_EXPIRED' } });
  });

  it('should let only people with a role on the score ask for an export or see it', async () => {
    const { exportId } = (await exportOf({ formats: ['midi'] })).body;
    expect((await exportOf({ formats: ['midi'] }, stranger)).status).toBe(403);
    expect(await statusOf(exportId, stranger)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await call(api.url, 'GET', `/api/v1/exports/${exportId}`)).toMatchObject({ status: 401 });
    expect(await statusOf('0'.repeat(40))).toMatchObject({ status: 404, body: { code: 'EXPORT_NOT_FOUND' } });
  });

  it('should refuse a part or a version the score does not have, and a request that names no format', async () => {
    expect(await exportOf({ formats: ['pdf'], parts: ['0190f1c2-0000-7000-8000-000000000000'] })).toMatchObject({ status: 404, body: { code: 'EXPORT_PART_NOT_FOUND' } });
    expect(await exportOf({ formats: ['pdf'], version: 99 })).toMatchObject({ status: 404, body: { code: 'SCORE_VERSION_NOT_FOUND' } });
    expect(await exportOf({ formats: [] })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(await exportOf({ formats: ['wav'], parts: 'all' })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });

  it('should refuse to export a score in the trash until it is restored', async () => {
    const other = idsOf((await call(api.url, 'POST', '/api/v1/scores', { user: alice, body: { title: 'Binned', instrumentIds: ['flute'], measureCount: 1 } })).body);
    await call(api.url, 'POST', `/api/v1/scores/${other.scoreId}/trash`, { user: alice, body: {} });
    const path = `/api/v1/scores/${other.scoreId}/exports`;
    expect(await call(api.url, 'POST', path, { user: alice, body: { formats: ['midi'] } })).toMatchObject({ status: 409, body: { code: 'SCORE_IN_TRASH' } });
    await call(api.url, 'POST', `/api/v1/scores/${other.scoreId}/restore`, { user: alice, body: {} });
    expect(await call(api.url, 'POST', path, { user: alice, body: { formats: ['midi'] } })).toMatchObject({ status: 202 });
  });
});
