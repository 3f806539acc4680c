import { isDomainError } from '@bandpro/domain';
import { COMMANDS } from '../commands';
import { CliError, type ExitCode, UsageError } from './cli-error';
import type { CliCommand, CliIo } from './command';

const HELP_FLAGS = new Set(['--help', '-h', 'help']);

export function mainUsage(commands: readonly CliCommand[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return ['Usage: bandpro <command> [options]', '', 'Commands:', ...lines, '', 'Run `bandpro <command> --help` for its options.'].join('\n');
}

/** Runs one command line (without `node` and the script) and says how the process should exit. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...args] = argv;
  if (name !== undefined && HELP_FLAGS.has(name)) {
    io.stdout(`${mainUsage()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(name === undefined ? 'No command given' : `Unknown command "${name}"`, mainUsage());
    if (args.some((a) => a === '--help' || a === '-h')) {
      io.stdout(`${command.usage}\n`);
      return 0;
    }
    await command.run(args, io);
    return 0;
  } catch (error) {
    return reportFailure(error, io);
  }
}

function reportFailure(error: unknown, io: CliIo): ExitCode {
  if (error instanceof UsageError) {
    io.stderr(`bandpro: ${error.message}\n${error.usage}\n`);
    return error.exitCode;
  }
  if (error instanceof CliError) {
    io.stderr(`bandpro: ${error.code}: ${error.message}\n`);
    return error.exitCode;
  }
  if (isDomainError(error)) {
    io.stderr(`bandpro: ${error.code}: ${error.message}\n`);
    return 1;
  }
  io.stderr(`bandpro: UNEXPECTED_ERROR: ${(error as Error)?.stack ?? String(error)}\n`);
  return 1;
}
