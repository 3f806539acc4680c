import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from './cli-error';

/**
 * Writes a file so that readers see either the old file or the whole new one, never half of it: the
 * bytes go to a temporary file beside the target (a rename only stays atomic within one file system),
 * are flushed to disk, and the temporary file is renamed over the target. On failure it is removed.
 */
export async function writeFileAtomically(target: string, data: Uint8Array | string): Promise<void> {
  const path = resolve(target);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw new CliError('OUTPUT_NOT_WRITTEN', `Could not write ${target}: ${(error as Error).message}`);
  }
}
