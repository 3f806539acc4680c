import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RenderedExport } from '../render/render-export';
import type { DownloadSigner } from '../signing/download-signer';
import type { ExportStorage, StoredExport } from './export-storage.port';

/** Keys are export ids with an extension: nothing a caller could bend into a path outside the folder. */
const KEY_PATTERN = /^[0-9a-f]{40}\.[a-z]{2,8}$/;

export class ExportKeyInvalidError extends Error {
  readonly code = 'EXPORT_KEY_INVALID';
  constructor(key: string) {
    super(`"${key}" is not an export storage key`);
    this.name = 'ExportKeyInvalidError';
  }
}

/** Exports as files under one folder (`${DATA_DIR}/exports`), downloaded through HMAC-signed API links. */
export class LocalDiskStorage implements ExportStorage {
  constructor(
    readonly dir: string,
    private readonly signer: DownloadSigner,
    /** The API route that serves `open()`. */
    private readonly downloadPath = '/api/v1/exports/download',
  ) {}

  /** Written to a temporary name, then renamed: a reader never sees half a file. */
  async put(key: string, file: RenderedExport): Promise<StoredExport> {
    const path = this.pathOf(key);
    await mkdir(this.dir, { recursive: true });
    const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
    try {
      await writeFile(temporary, file.bytes);
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return { key, fileName: file.fileName, contentType: file.contentType, size: file.bytes.byteLength };
  }

  async downloadUrl(stored: StoredExport, ttlSeconds: number): Promise<string> {
    return `${this.downloadPath}?${this.signer.sign(stored.key, stored.fileName, ttlSeconds)}`;
  }

  /** The file's bytes as a stream, or undefined when it is not there (any more). */
  async open(key: string): Promise<{ stream: ReadStream; size: number } | undefined> {
    const path = this.pathOf(key);
    const found = await stat(path).catch(() => undefined);
    if (!found?.isFile()) return undefined;
    return { stream: createReadStream(path), size: found.size };
  }

  private pathOf(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new ExportKeyInvalidError(key);
    return join(this.dir, key);
  }
}
