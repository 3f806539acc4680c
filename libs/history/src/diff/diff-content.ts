import { emptyStaffMeasure, type Measure, type PartMeasure, type StaffMeasure, type StaffNumber, type VoiceNumber } from '@bandpro/domain';
import { deepEqual } from './deep-equal';
import type { MarkKind, MarkKinds, MarksDiff, MeasureAttributeChange, MeasureField, VoiceDiff } from './diff.types';
import { diffMarkList, diffVoice } from './diff-voices';

/** What differs inside one measure that both sides have; collected by the caller. */
export interface MeasureFindings {
  attributes: MeasureAttributeChange[];
  notes: VoiceDiff[];
  marks: MarksDiff[];
  /** Parts with a difference of their own in this measure (clef, notes, marks). */
  parts: Set<string>;
}

const MEASURE_FIELDS: readonly Exclude<MeasureField, 'clef'>[] = [
  'timeSignature',
  'keySignature',
  'length',
  'tempo',
  'startBarline',
  'endBarline',
  'volta',
  'rehearsalMark',
];

const STAFF_MARKS = [
  ['dynamic', 'dynamics'],
  ['hairpin', 'hairpins'],
  ['slur', 'slurs'],
  ['text', 'texts'],
] as const;

interface Where {
  partId: string;
  measureId: string;
  findings: MeasureFindings;
}

function addMarks<K extends MarkKind>(w: Where, staff: StaffNumber | null, kind: K, a: MarkKinds[K][], b: MarkKinds[K][]): void {
  if (deepEqual(a, b)) return;
  const d = diffMarkList<K>(a, b);
  if (d.added.length + d.removed.length + d.changed.length === 0) return;
  w.findings.marks.push({ partId: w.partId, staff, measureId: w.measureId, kind, ...d } as MarksDiff);
  w.findings.parts.add(w.partId);
}

function diffStaff(w: Where, staff: StaffNumber, a: StaffMeasure, b: StaffMeasure): void {
  if (a === b) return;
  if (!deepEqual(a.clef, b.clef)) {
    w.findings.attributes.push({ field: 'clef', partId: w.partId, staff, before: a.clef, after: b.clef });
    w.findings.parts.add(w.partId);
  }
  for (let v = 0; v < 4; v++) {
    const [va, vb] = [a.voices[v] ?? [], b.voices[v] ?? []];
    if (deepEqual(va, vb)) continue;
    const d = diffVoice(va, vb);
    if (d.added.length + d.removed.length + d.changed.length === 0) continue;
    w.findings.notes.push({ partId: w.partId, staff, measureId: w.measureId, voice: (v + 1) as VoiceNumber, ...d });
    w.findings.parts.add(w.partId);
  }
  for (const [kind, key] of STAFF_MARKS) addMarks(w, staff, kind, a[key] as MarkKinds[typeof kind][], b[key] as MarkKinds[typeof kind][]);
}

function diffPartMeasure(w: Where, a: PartMeasure, b: PartMeasure): void {
  const staves = Math.max(a.staves.length, b.staves.length);
  for (let s = 0; s < staves; s++) {
    diffStaff(w, (s + 1) as StaffNumber, a.staves[s] ?? emptyStaffMeasure(), b.staves[s] ?? emptyStaffMeasure());
  }
  addMarks(w, null, 'chordSymbol', a.chordSymbols, b.chordSymbols);
}

/** Descends only into what is not shared: evolve copies the path it changes and leaves the rest as it was. */
export function diffMeasure(a: Measure, b: Measure): MeasureFindings {
  const findings: MeasureFindings = { attributes: [], notes: [], marks: [], parts: new Set() };
  if (a === b) return findings;
  for (const field of MEASURE_FIELDS) {
    if (!deepEqual(a[field], b[field])) findings.attributes.push({ field, partId: null, staff: null, before: a[field], after: b[field] });
  }
  if (a.content === b.content) return findings;
  for (const partId of Object.keys(b.content)) {
    const [pa, pb] = [a.content[partId], b.content[partId]];
    // A part on one side only is reported with the parts.
    if (pa !== undefined && pa !== pb) diffPartMeasure({ partId, measureId: b.id, findings }, pa, pb);
  }
  return findings;
}
