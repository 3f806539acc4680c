/** An element the model cannot hold, left out of the import; `count` merges repeats in one bar. */
export interface SkippedElement {
  element: string;
  /** The MusicXML measure number. */
  bar?: string;
  /** The part's name. */
  part?: string;
  reason: string;
  count: number;
}

export interface ImportWarning {
  message: string;
  bar?: string;
  part?: string;
}

export interface Where {
  bar?: string;
  part?: string;
}

/** Collects what an import left out or changed, so the user is told rather than surprised. */
export class ImportReport {
  readonly skipped: SkippedElement[] = [];
  readonly warnings: ImportWarning[] = [];
  private readonly index = new Map<string, SkippedElement>();
  private readonly warned = new Set<string>();

  skip(element: string, reason: string, where: Where = {}): void {
    const key = JSON.stringify([element, reason, where.bar, where.part]);
    const seen = this.index.get(key);
    if (seen) {
      seen.count += 1;
      return;
    }
    const entry: SkippedElement = { element, ...clean(where), reason, count: 1 };
    this.index.set(key, entry);
    this.skipped.push(entry);
  }

  warn(message: string, where: Where = {}): void {
    const key = JSON.stringify([message, where.bar, where.part]);
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warnings.push({ message, ...clean(where) });
  }
}

function clean(where: Where): Where {
  const out: Where = {};
  if (where.bar !== undefined) out.bar = where.bar;
  if (where.part !== undefined) out.part = where.part;
  return out;
}

/** How reports name a part: its name, or its MusicXML id when it has none. */
export function partLabel(info: { name: string; xmlId: string }): string {
  return info.name || info.xmlId;
}
