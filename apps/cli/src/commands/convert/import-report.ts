import type { MusicXmlImport, SkippedElement } from '@bandpro/formats';

function where(entry: { bar?: string; part?: string }): string {
  const place = [entry.part !== undefined && `part "${entry.part}"`, entry.bar !== undefined && `bar ${entry.bar}`].filter(Boolean);
  return place.length === 0 ? '' : ` (${place.join(', ')})`;
}

function skippedLine(s: SkippedElement): string {
  return `  ${s.count} × <${s.element}>${where(s)}: ${s.reason}`;
}

/** What the import left out and what it changed, one line each, so nothing is lost silently ('' when nothing). */
export function describeImport(imported: Pick<MusicXmlImport, 'skipped' | 'warnings'>): string {
  const lines: string[] = [];
  if (imported.skipped.length > 0) {
    const total = imported.skipped.reduce((sum, s) => sum + s.count, 0);
    lines.push(`Skipped ${total} element${total === 1 ? '' : 's'} the score model cannot hold:`, ...imported.skipped.map(skippedLine));
  }
  if (imported.warnings.length > 0) {
    lines.push('Changed on import:', ...imported.warnings.map((w) => `  ${w.message}${where(w)}`));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
