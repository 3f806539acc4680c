/**
 * The stale-command rule: a command written against version B may still apply at version V > B
 * when none of the events B+1..V touched what the command touches. "What it touches" is a set of
 * scopes read from the element ids the command and the events name:
 *
 * - a part × measure region (`partId` with `measureId`, and the far end of a hairpin or slur);
 * - a whole measure (a `measureId` without a part: time and key signatures, tempo, barlines...);
 * - a whole part (a `partId` without a measure: rename, instrument, move);
 * - the score info (title, composer...);
 * - the whole score: structural changes (parts or measures added, removed; imports), measure
 *   ranges (their inner measures are not named) and anything naming no element.
 *
 * A region overlaps its part, its measure and itself; the whole score overlaps everything. The
 * rule only decides whether to try: decide still runs on the current state, so every rule of the
 * score model holds for the accepted command.
 */
export type Scope =
  | { kind: 'score' }
  | { kind: 'info' }
  | { kind: 'part'; partId: string }
  | { kind: 'measure'; measureId: string }
  | { kind: 'region'; partId: string; measureId: string };

export interface Message {
  type: string;
  data: unknown;
}

const WHOLE_SCORE = new Set([
  'CreateScore', 'ImportScore', 'InsertMeasures', 'DeleteMeasures', 'AddPart', 'RemovePart', 'TransposeSelection', 'SetVolta',
  'ScoreCreated', 'ScoreImported', 'ScoreDiscarded', 'MeasuresInserted', 'MeasuresDeleted', 'PartAdded', 'PartRemoved',
  'SelectionTransposed',
]);
const INFO = new Set(['UpdateScoreInfo', 'ScoreInfoUpdated']);

/** The scopes one command or event touches. */
export function scopesOf({ type, data }: Message): Scope[] {
  if (INFO.has(type)) return [{ kind: 'info' }];
  if (WHOLE_SCORE.has(type) || !isRecord(data) || 'fromMeasureId' in data) return [{ kind: 'score' }];
  const partId = stringField(data, 'partId');
  const measureIds = measuresNamed(data);
  if (partId !== undefined && measureIds.length > 0) return measureIds.map((measureId) => ({ kind: 'region', partId, measureId }));
  if (partId !== undefined) return [{ kind: 'part', partId }];
  if (measureIds.length > 0) return measureIds.map((measureId) => ({ kind: 'measure', measureId }));
  return [{ kind: 'score' }];
}

function measuresNamed(data: Record<string, unknown>): string[] {
  const ends = [data['end'], field(data['hairpin'], 'end'), field(data['slur'], 'end')];
  const named = [stringField(data, 'measureId'), ...ends.map((end) => (isRecord(end) ? stringField(end, 'measureId') : undefined))];
  return [...new Set(named.filter((id): id is string => id !== undefined))];
}

export function scopesOverlap(a: Scope, b: Scope): boolean {
  if (a.kind === 'score' || b.kind === 'score') return true;
  if (a.kind === 'info' || b.kind === 'info') return a.kind === b.kind;
  const [pa, pb, ma, mb] = [partOf(a), partOf(b), measureOf(a), measureOf(b)];
  const sharedPart = pa !== undefined && pa === pb;
  const sharedMeasure = ma !== undefined && ma === mb;
  // A dimension only one side names spans all of it on that side; a dimension both name must match.
  if (pa !== undefined && pb !== undefined && !sharedPart) return false;
  if (ma !== undefined && mb !== undefined && !sharedMeasure) return false;
  return sharedPart || sharedMeasure;
}

const partOf = (s: Scope): string | undefined => (s.kind === 'part' || s.kind === 'region' ? s.partId : undefined);
const measureOf = (s: Scope): string | undefined => (s.kind === 'measure' || s.kind === 'region' ? s.measureId : undefined);

/** True when the commands may still apply after `eventsSince`: none of those events touched their scopes. */
export function commandsUntouchedBy(commands: readonly Message[], eventsSince: readonly Message[]): boolean {
  const mine = commands.flatMap(scopesOf);
  return eventsSince.every((event) => scopesOf(event).every((theirs) => mine.every((scope) => !scopesOverlap(scope, theirs))));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

function stringField(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' ? value : undefined;
}
