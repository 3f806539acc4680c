import type { EventStore } from '@bandpro/events';
import { readFile, stat } from 'node:fs/promises';
import { CliError } from '../../cli/cli-error';
import type { CliIo } from '../../cli/command';
import { withEventStore } from '../store/open-store';
import { describeStore, type StoreConfig } from '../store/store-config';
import { parseDump, type DumpedStream } from './dump-file';

const MAX_DUMP_BYTES = 512 * 1024 * 1024;

export async function loadDump(file: string, config: StoreConfig, io: CliIo): Promise<void> {
  const dump = parseDump(await readDumpFile(file));
  await withEventStore(config, { create: true }, async (store) => {
    if ((await store.streamVersion(dump.streamId)) > 0) {
      throw new CliError('STREAM_EXISTS', `Stream ${dump.streamId} already has events in ${describeStore(config)}; nothing was written`);
    }
    await appendAll(store, dump);
  });
  io.stdout(`Loaded ${dump.eventCount} events of ${dump.streamId} (${dump.appends.length} commands) into ${describeStore(config)}\n`);
}

async function readDumpFile(file: string): Promise<string> {
  const size = await stat(file).then(
    (info) => (info.isFile() ? info.size : -1),
    () => undefined,
  );
  if (size === undefined) throw new CliError('INPUT_NOT_FOUND', `No such file: ${file}`);
  if (size < 0) throw new CliError('INPUT_NOT_READABLE', `${file} is not a file`);
  if (size > MAX_DUMP_BYTES) throw new CliError('DUMP_TOO_LARGE', `${file} is over ${MAX_DUMP_BYTES / 1024 / 1024} MB`);
  return readFile(file, 'utf8');
}

/**
 * One append per original command, each expecting the version the original writer saw: a writer
 * racing us on the same stream makes the next append fail rather than interleave. The port has
 * no multi-append transaction, so a failure mid-way is reported with how far the stream got.
 */
async function appendAll(store: EventStore, dump: DumpedStream): Promise<void> {
  for (const append of dump.appends) {
    try {
      const result = await store.append(dump.streamId, append.events, append.options);
      if (result.duplicate) throw new Error(`command ${append.options.commandId} is already recorded in this store`);
    } catch (error) {
      const written = append.fromVersion - 1;
      throw new CliError('LOAD_INTERRUPTED', `Stopped at version ${append.fromVersion} (${(error as Error).message}); ${dump.streamId} now holds versions 1 to ${written} of ${dump.eventCount}`);
    }
  }
}
