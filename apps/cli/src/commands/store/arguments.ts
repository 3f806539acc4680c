import { UsageError } from '../../cli/cli-error';

/** A version number given on the command line: a whole number from 1. */
export function versionOption(value: string | boolean | undefined, name: string, usage: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[1-9]\d{0,14}$/.test(value)) {
    throw new UsageError(`${name} must be a version number from 1, not "${String(value)}"`, usage);
  }
  return Number(value);
}

/** Exactly `names.length` positional arguments, named in the message when one is missing. */
export function requirePositionals(positionals: readonly string[], names: readonly string[], usage: string): string[] {
  if (positionals.length < names.length) throw new UsageError(`Missing ${names.slice(positionals.length).join(' and ')}`, usage);
  if (positionals.length > names.length) throw new UsageError(`Unexpected argument "${positionals[names.length]}"`, usage);
  const empty = positionals.findIndex((value) => value.trim() === '');
  if (empty >= 0) throw new UsageError(`${names[empty]} must not be empty`, usage);
  return [...positionals];
}
