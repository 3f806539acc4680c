import {
  addF,
  type ChordEntry,
  type Duration,
  durationToFraction,
  entryOffsets,
  type Fraction,
  type Interval,
  type Note,
  type Pitch,
  pitchToMidi,
  type VoiceEntry,
} from '@bandpro/domain';
import { transposeSpelling } from '../spelling';
import { drumDisplay } from './drums';
import type { PartExport } from './export-context';
import { noteKey } from './spanners';
import { el, leaf, type XmlNode } from './xml-writer';

export interface VoiceRef {
  measure: number;
  staff: number;
  voice: number;
  /** Divisions of each entry, in order. */
  durations: number[];
  /** Concert → written in this measure, or null at concert pitch. */
  interval: Interval | null;
}

type TupletMark = 'start' | 'stop' | 'both';

interface Marks {
  slurStarts: number[];
  slurStops: number[];
  tuplet: TupletMark | undefined;
}

const pitchKey = (p: Pitch) => `${p.step}${p.alter}/${p.octave}`;
const isDyadic = (f: Fraction) => (f.den & (f.den - 1)) === 0;
const ARTICULATIONS: Readonly<Record<string, string>> = { accent: 'accent', marcato: 'strong-accent', staccato: 'staccato', tenuto: 'tenuto' };

/** MusicXML voice numbers: 1-4 on the first staff, 5-8 on the second. */
export const xmlVoice = (staff: number, voice: number) => (staff - 1) * 4 + voice;

/** The concert spelling moved by the transposition, even where that needs a triple accidental. */
function writtenPitch(concert: Pitch, ref: VoiceRef): { step: string; alter: number; octave: number } {
  return ref.interval ? transposeSpelling(concert, ref.interval) : concert;
}

function pitchNode(concert: Pitch, ref: VoiceRef, px: PartExport): XmlNode {
  if (px.drums) {
    const display = drumDisplay(pitchToMidi(concert));
    return el('unpitched', {}, leaf('display-step', display.step), leaf('display-octave', display.octave));
  }
  const p = writtenPitch(concert, ref);
  return el('pitch', {}, leaf('step', p.step), p.alter !== 0 && leaf('alter', p.alter), leaf('octave', p.octave));
}

/** Tuplet brackets: a group opens at its first note and closes once its notes add up to a plain length. */
function tupletMarks(entries: readonly VoiceEntry[]): Map<number, TupletMark> {
  const marks = new Map<number, TupletMark>();
  let run: Fraction | undefined;
  entries.forEach((e, i) => {
    if (!e.duration.tuplet) {
      run = undefined;
      return;
    }
    const opens = run === undefined;
    run = addF(run ?? { num: 0, den: 1 }, durationToFraction(e.duration));
    const closes = isDyadic(run);
    if (opens || closes) marks.set(i, opens && closes ? 'both' : opens ? 'start' : 'stop');
    if (closes) run = undefined;
  });
  return marks;
}

/** Articulations in the model's order, so that reading them back gives the same list. */
function articulationNodes(chord: ChordEntry): XmlNode[] {
  const out: XmlNode[] = [];
  for (const a of chord.articulations) {
    const last = out[out.length - 1];
    if (a === 'fermata') out.push(el('fermata', { type: 'upright' }));
    else if (last?.name === 'articulations') last.children.push(el(ARTICULATIONS[a]));
    else out.push(el('articulations', {}, el(ARTICULATIONS[a])));
  }
  return out;
}

function notationsNode(marks: Marks | undefined, tie: { stop: boolean; start: boolean }, chord: ChordEntry | undefined): XmlNode | undefined {
  const children: XmlNode[] = [];
  if (tie.stop) children.push(el('tied', { type: 'stop' }));
  if (tie.start) children.push(el('tied', { type: 'start' }));
  if (marks) {
    for (const n of marks.slurStops) children.push(el('slur', { type: 'stop', number: n }));
    for (const n of marks.slurStarts) children.push(el('slur', { type: 'start', number: n }));
    if (marks.tuplet === 'start' || marks.tuplet === 'both') children.push(el('tuplet', { type: 'start', bracket: 'yes' }));
    if (marks.tuplet === 'stop' || marks.tuplet === 'both') children.push(el('tuplet', { type: 'stop' }));
  }
  if (chord) children.push(...articulationNodes(chord));
  return children.length > 0 ? el('notations', {}, ...children) : undefined;
}

interface NoteSpec {
  chordNote: boolean;
  body: XmlNode;
  divisions: number;
  tie: { stop: boolean; start: boolean };
  instrument: string | undefined;
  duration: Duration;
  notations: XmlNode | undefined;
  lyrics: XmlNode[];
}

function noteNode(spec: NoteSpec, ref: VoiceRef, px: PartExport): XmlNode {
  const d = spec.duration;
  return el(
    'note',
    {},
    spec.chordNote && el('chord'),
    spec.body,
    leaf('duration', spec.divisions),
    spec.tie.stop && el('tie', { type: 'stop' }),
    spec.tie.start && el('tie', { type: 'start' }),
    spec.instrument !== undefined && el('instrument', { id: spec.instrument }),
    leaf('voice', xmlVoice(ref.staff, ref.voice)),
    leaf('type', d.type),
    ...Array.from({ length: d.dots }, () => el('dot')),
    d.tuplet && el('time-modification', {}, leaf('actual-notes', d.tuplet.actual), leaf('normal-notes', d.tuplet.normal)),
    px.part.staves > 1 && leaf('staff', ref.staff),
    spec.notations,
    ...spec.lyrics,
  );
}

function lyricNodes(chord: ChordEntry): XmlNode[] {
  return chord.lyrics.map((l) => el('lyric', { number: l.verse }, leaf('syllabic', l.syllabic), leaf('text', l.text)));
}

function chordNodes(chord: ChordEntry, i: number, ref: VoiceRef, px: PartExport, marks: Marks, tied: Set<string>): XmlNode[] {
  return chord.notes.map((n: Note, k) => {
    const tie = { stop: tied.has(pitchKey(n.pitch)), start: n.tie };
    const first = k === 0;
    return noteNode(
      {
        chordNote: !first,
        body: pitchNode(n.pitch, ref, px),
        divisions: ref.durations[i],
        tie,
        instrument: px.drums ? `${px.xmlId}-I${pitchToMidi(n.pitch) + 1}` : undefined,
        duration: chord.duration,
        notations: notationsNode(first ? marks : undefined, tie, first ? chord : undefined),
        lyrics: first ? lyricNodes(chord) : [],
      },
      ref,
      px,
    );
  });
}

/** The <note> elements of one voice, carrying ties over from the voice's previous measure. */
export function voiceNodes(entries: readonly VoiceEntry[], ref: VoiceRef, px: PartExport): XmlNode[] {
  const offsets = entryOffsets(entries);
  const tuplets = tupletMarks(entries);
  const tieKey = `${ref.staff}|${ref.voice}`;
  let tied = px.ties.get(tieKey) ?? new Set<string>();
  const nodes: XmlNode[] = [];
  entries.forEach((e, i) => {
    const key = noteKey(ref.measure, ref.staff, ref.voice, offsets[i]);
    const marks: Marks = { slurStarts: px.spanners.slurStarts.get(key) ?? [], slurStops: px.spanners.slurStops.get(key) ?? [], tuplet: tuplets.get(i) };
    if (e.kind === 'rest') {
      const notations = notationsNode(marks, { stop: false, start: false }, undefined);
      nodes.push(noteNode({ chordNote: false, body: el('rest'), divisions: ref.durations[i], tie: { stop: false, start: false }, instrument: undefined, duration: e.duration, notations, lyrics: [] }, ref, px));
      tied = new Set();
      return;
    }
    nodes.push(...chordNodes(e, i, ref, px, marks, tied));
    tied = new Set(e.notes.filter((n) => n.tie).map((n) => pitchKey(n.pitch)));
  });
  px.ties.set(tieKey, tied);
  return nodes;
}

/** An empty first voice: a rest for the whole measure. */
export function measureRestNode(divisions: number, staff: number, px: PartExport): XmlNode {
  px.ties.delete(`${staff}|1`);
  return el('note', {}, el('rest', { measure: 'yes' }), leaf('duration', divisions), leaf('voice', xmlVoice(staff, 1)), px.part.staves > 1 && leaf('staff', staff));
}
