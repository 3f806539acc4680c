import type { Part } from '@bandpro/domain';
import { CliError } from '../../cli/cli-error';

/**
 * The part `--part` names: its id, else its exact name, else its name ignoring case. A name shared by
 * several parts is refused rather than guessed; the message lists the parts so the user can pick.
 */
export function selectPart(parts: readonly Part[], wanted: string): Part {
  const lower = wanted.toLowerCase();
  const tries = [(p: Part) => p.id === wanted, (p: Part) => p.name === wanted, (p: Part) => p.name.toLowerCase() === lower];
  for (const matches of tries) {
    const found = parts.filter(matches);
    if (found.length === 1) return found[0];
    if (found.length > 1) throw new CliError('PART_AMBIGUOUS', `${found.length} parts are named "${wanted}"; give its id instead. ${listParts(found)}`);
  }
  throw new CliError('PART_NOT_FOUND', `The score has no part named "${wanted}". ${listParts(parts)}`);
}

function listParts(parts: readonly Part[]): string {
  return `Parts: ${parts.map((p) => `"${p.name}" (id ${p.id})`).join(', ')}`;
}
