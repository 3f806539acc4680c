/** 0 done, 1 the files could not be converted (bad input, unwritable output), 2 the command was called wrongly. */
export type ExitCode = 0 | 1 | 2;

/**
 * A failure the CLI explains itself: a stable code (what scripts match on), a message for people, and
 * the exit code it ends with.
 */
export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The arguments are wrong: answered with exit 2 and the usage line of the command that was asked for. */
export class UsageError extends CliError {
  constructor(
    message: string,
    readonly usage: string,
    code = 'USAGE',
  ) {
    super(code, message, 2);
  }
}
