import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DownloadSigner } from '../signing/download-signer';
import { contentDisposition } from './export-storage.port';
import { ExportKeyInvalidError, LocalDiskStorage } from './local-disk-storage';

const KEY = `${'ab'.repeat(20)}.pdf`;
const file = { fileName: 'Blue Bossa - Trumpet 1.pdf', contentType: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.7 test') };

async function readAll(opened: { stream: NodeJS.ReadableStream } | undefined): Promise<string> {
  if (!opened) throw new Error('The file was not there');
  const chunks: Buffer[] = [];
  for await (const chunk of opened.stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString();
}

describe('LocalDiskStorage', () => {
  let root: string;
  let storage: LocalDiskStorage;
  const signer = new DownloadSigner('local-disk-storage-test-secret');

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'bandpro-exports-'));
    storage = new LocalDiskStorage(join(root, 'exports'), signer);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('should store a file and read the same bytes back, leaving no temporary file', async () => {
    expect(await storage.put(KEY, file)).toEqual({ key: KEY, fileName: file.fileName, contentType: 'application/pdf', size: file.bytes.byteLength });
    const opened = await storage.open(KEY);
    expect(opened?.size).toBe(file.bytes.byteLength);
    expect(await readAll(opened)).toBe('%PDF-1.7 test');
    expect(readdirSync(storage.dir)).toEqual([KEY]);
  });

  it('should replace an earlier file under the same key whole', async () => {
    await storage.put(KEY, { ...file, bytes: new TextEncoder().encode('old, and longer than the new one') });
    await storage.put(KEY, file);
    expect(await readAll(await storage.open(KEY))).toBe('%PDF-1.7 test');
  });

  it('should answer nothing for a file that is not there', async () => {
    expect(await storage.open(`${'cd'.repeat(20)}.zip`)).toBeUndefined();
  });

  it('should refuse a key that could name a path outside its folder', async () => {
    await expect(storage.put('../../etc/passwd', file)).rejects.toThrow(ExportKeyInvalidError);
    await expect(storage.open('..%2fsecret.pdf')).rejects.toMatchObject({ code: 'EXPORT_KEY_INVALID' });
  });

  it('should leave no temporary file behind when a write fails', async () => {
    // A folder where the file should go makes the rename fail after the temporary file was written.
    mkdirSync(join(storage.dir, KEY), { recursive: true });
    await expect(storage.put(KEY, file)).rejects.toThrow();
    expect(readdirSync(storage.dir)).toEqual([KEY]);
  });

  it('should offer a signed API link the signer accepts for that file and name', async () => {
    const stored = await storage.put(KEY, file);
    const url = await storage.downloadUrl(stored, 900);
    expect(url.startsWith('/api/v1/exports/download?')).toBe(true);
    const query = Object.fromEntries(new URL(url, 'http://x').searchParams);
    expect(signer.verify(query)).toMatchObject({ ok: true, grant: { key: KEY, name: file.fileName } });
  });
});

describe('contentDisposition', () => {
  it('should offer the file as an attachment under its own name, with an ASCII fallback', () => {
    expect(contentDisposition('Blue Bossa - Trumpet 1.pdf')).toBe(`attachment; filename="Blue Bossa - Trumpet 1.pdf"; filename*=UTF-8''Blue%20Bossa%20-%20Trumpet%201.pdf`);
    expect(contentDisposition('Trumpet in B♭ "solo".pdf')).toBe(`attachment; filename="Trumpet in B_ _solo_.pdf"; filename*=UTF-8''Trumpet%20in%20B%E2%99%AD%20%22solo%22.pdf`);
  });
});
