import { formatPitch, type Part, type Pitch, type ScoreState, type VoiceEntry } from '@bandpro/domain';
import type { EntryChange, FieldChange, MarksDiff, ScoreDiff, VoiceDiff } from '@bandpro/history';

interface DiffContext {
  scoreId: string;
  from: number;
  to: number;
  before: ScoreState;
  after: ScoreState;
}

/** A diff as lines a person reads: one section per kind of change, bars numbered as the score prints them. */
export function diffText(diff: ScoreDiff, context: DiffContext): string {
  const title = `Score ${context.scoreId}: version ${context.from} → version ${context.to}`;
  if (diff.empty) return `${title}\nNo differences.`;
  const partName = partNames(context);
  const barOf = (partId: string, measureId: string) => diff.bars.find((b) => b.partId === partId && b.measureId === measureId)?.bar ?? '?';
  const sections = [
    section('Info', diff.info.map(change)),
    section('Parts', [
      ...diff.parts.added.map((p) => `added ${p.name} [${p.instrumentId}]`),
      ...diff.parts.removed.map((p) => `removed ${p.name} [${p.instrumentId}]`),
      ...diff.parts.changed.map((p) => `${partName(p.partId)}: ${p.changes.map(change).join(', ')}`),
    ]),
    section('Bars', [
      ...diff.measures.added.map((m) => `added bar ${m.bar}`),
      ...diff.measures.removed.map((m) => `removed bar ${m.bar} (numbered as it was)`),
      ...diff.measures.changed.map((m) => `bar ${m.bar}: ${m.changes.map((c) => `${c.partId ? `${partName(c.partId)} staff ${c.staff} ` : ''}${change(c)}`).join(', ')}`),
    ]),
    section('Notes', diff.notes.map((v) => voiceLine(v, partName, barOf(v.partId, v.measureId)))),
    section('Marks', diff.marks.map((m) => marksLine(m, partName, barOf(m.partId, m.measureId)))),
  ];
  return [title, ...sections.filter((s) => s !== '')].join('\n');
}

function section(name: string, lines: readonly string[]): string {
  return lines.length === 0 ? '' : [`${name}:`, ...lines.map((line) => `  ${line}`)].join('\n');
}

function partNames({ before, after }: DiffContext): (partId: string) => string {
  const parts: Part[] = [...(after.status === 'active' ? after.parts : []), ...(before.status === 'active' ? before.parts : [])];
  return (partId) => parts.find((p) => p.id === partId)?.name ?? partId;
}

function voiceLine(voice: VoiceDiff, partName: (id: string) => string, bar: number | string): string {
  const changes = [...voice.added.map((e) => `added ${entry(e)}`), ...voice.removed.map((e) => `removed ${entry(e)}`), ...voice.changed.map(entryChange)];
  return `bar ${bar} ${partName(voice.partId)} staff ${voice.staff} voice ${voice.voice}: ${changes.join('; ')}`;
}

function entryChange(changed: EntryChange): string {
  return `${entry(changed.before)}: ${changed.changes.map(change).join(', ')}`;
}

function marksLine(marks: MarksDiff, partName: (id: string) => string, bar: number | string): string {
  const staff = marks.staff === null ? '' : ` staff ${marks.staff}`;
  const changes = [...marks.added.map((m) => `added ${value(m)}`), ...marks.removed.map((m) => `removed ${value(m)}`), ...marks.changed.map((m) => `${value(m.before)} → ${value(m.after)}`)];
  return `bar ${bar} ${partName(marks.partId)}${staff} ${marks.kind}: ${changes.join('; ')}`;
}

function entry(e: VoiceEntry): string {
  const length = `${e.duration.type}${'.'.repeat(e.duration.dots)}`;
  return e.kind === 'rest' ? `rest ${length}` : `${e.notes.map((n) => formatPitch(n.pitch)).join('+')} ${length}`;
}

function change(c: FieldChange): string {
  return `${c.field} ${value(c.before)} → ${value(c.after)}`;
}

function isPitch(v: unknown): v is Pitch {
  return typeof v === 'object' && v !== null && 'step' in v && 'octave' in v && 'alter' in v;
}

/** Pitches as people write them, text quoted, anything else as short JSON. */
function value(v: unknown): string {
  if (isPitch(v)) return formatPitch(v);
  if (typeof v === 'string') return `"${v}"`;
  const json = JSON.stringify(v) ?? 'none';
  return json.length > 60 ? `${json.slice(0, 59)}…` : json;
}
