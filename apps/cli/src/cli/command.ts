/** Where a command writes: the process streams in main.ts, plain collectors in tests. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * One subcommand. Each lives in its own file under src/commands/ and is listed once in the registry;
 * `run` throws a CliError (or a DomainError) to fail and returns to succeed.
 */
export interface CliCommand {
  name: string;
  /** One line for `bandpro --help`. */
  summary: string;
  /** The usage line(s), printed for `--help` and with every usage error. */
  usage: string;
  run(args: readonly string[], io: CliIo): Promise<void>;
}
