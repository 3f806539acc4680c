import type { CliCommand } from '../cli/command';
import { convertCommand } from './convert/convert.command';

/** Every subcommand, in the order `bandpro --help` lists them; a new command is one file plus one line here. */
export const COMMANDS: readonly CliCommand[] = [convertCommand];
