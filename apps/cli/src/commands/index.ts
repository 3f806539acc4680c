import type { CliCommand } from '../cli/command';
import { bisectCommand } from './bisect/bisect.command';
import { convertCommand } from './convert/convert.command';
import { diffCommand } from './diff/diff.command';
import { dumpCommand } from './dump/dump.command';
import { eventsCommand } from './events/events.command';
import { loadCommand } from './load/load.command';
import { projectionsCommand } from './projections/projections.command';
import { replayCommand } from './replay/replay.command';
import { traceCommand } from './trace/trace.command';

/** Every subcommand, in the order `bandpro --help` lists them; a new command is one file plus one line here. */
export const COMMANDS: readonly CliCommand[] = [
  convertCommand,
  eventsCommand,
  replayCommand,
  traceCommand,
  dumpCommand,
  loadCommand,
  bisectCommand,
  projectionsCommand,
  diffCommand,
];
