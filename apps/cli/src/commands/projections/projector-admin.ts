import { SQLITE_FILE_NAME } from '@bandpro/events';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError } from '../../cli/cli-error';
import type { CliIo } from '../../cli/command';
import { describeStore, type StoreConfig } from '../store/store-config';

const ROOT = resolve(__dirname, '../../../../..');
const REGISTER = join(ROOT, 'scripts/ts-register.js');
const ADMIN_ENTRY = join(ROOT, 'apps/projector/src/admin.ts');

/**
 * Runs the projector's admin entry as a child process (apps may not import one another), with the
 * same environment (DATA_DIR made absolute: the child runs from the repository root), so it opens the same stores; relays its output as it comes, and its exit code.
 */
export async function runProjectorAdmin(args: readonly string[], config: StoreConfig, io: CliIo): Promise<void> {
  if (!config.mongodbUri && !existsSync(join(config.dataDir, SQLITE_FILE_NAME))) {
    throw new CliError('STORE_NOT_FOUND', `There is no event store at ${describeStore(config)} (set DATA_DIR or MONGODB_URI)`);
  }
  const code = await new Promise<number>((done, fail) => {
    const child = spawn(process.execPath, ['-r', REGISTER, ADMIN_ENTRY, ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: resolve(config.dataDir) } });
    child.stdout.setEncoding('utf8').on('data', (text: string) => io.stdout(text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => io.stderr(text));
    child.on('error', fail);
    child.on('close', (status, signal) => done(status ?? (signal ? 1 : 0)));
  });
  if (code !== 0) {
    throw new CliError('PROJECTIONS_FAILED', `projections ${args[0]} ended with exit code ${code} (see above)`, code === 2 ? 2 : 1);
  }
}
