import {
  getInstrument,
  isScoreEvent,
  type ScoreEvent,
  type ScoreEventOf,
  type ScoreEventType,
  type ScoreInfo,
} from '@bandpro/domain';
import { barOf, chordText, describeEntry, noteAt, partName, pitchText, tonicText, whereOf, type Context } from './context';
import type { Noun } from './phrases';

type Describers = { [T in ScoreEventType]: (e: ScoreEventOf<T>, ctx: Context) => string };

const part = (ctx: Context, partId: string): string => partName(ctx, partId) ?? '?';
/** Where an edit inside one part happened: its bar and the part's name. */
const inPart = (ctx: Context, d: { measureId: string; partId: string }) => whereOf(ctx, d.measureId, d.partId);

/** A value that holds from its bar on, or the removal of such a change. */
function attribute<V>(
  ctx: Context,
  noun: Noun,
  d: { measureId: string; to: V | null },
  text: (v: V) => string,
  partId: string | null = null,
): string {
  const where = whereOf(ctx, d.measureId, partId);
  return d.to === null ? ctx.t.cleared(ctx.t.noun(noun), where) : ctx.t.setFrom(ctx.t.noun(noun), text(d.to), where);
}

/** A value set in one bar: added, changed or removed. */
function markValue<V>(
  ctx: Context,
  noun: Noun,
  d: { measureId: string; from: V | null; to: V | null },
  named: (v: V) => string,
  text: (v: V) => string,
): string {
  const where = whereOf(ctx, d.measureId);
  if (d.to === null) return d.from === null ? ctx.t.generic() : ctx.t.removed(named(d.from), where);
  return d.from === null ? ctx.t.added(named(d.to), where) : ctx.t.set(ctx.t.noun(noun), text(d.to), where);
}

const tiedPitch = (ctx: Context, d: ScoreEventOf<'TieAdded'>['data']): string => {
  const note = noteAt(ctx, d, d.noteId);
  return note ? pitchText(ctx, d.partId, note.pitch) : '?';
};

function transposedParts(ctx: Context, partIds: readonly string[]): string | null {
  const all = ctx.state?.parts.length ?? 0;
  return partIds.length >= all ? null : partIds.map((id) => part(ctx, id)).join(', ');
}

/* A table rather than a switch: the mapped type makes a missing event type a compile error. */
const DESCRIBERS: Describers = {
  ScoreCreated: (e, { t }) => t.created(e.data.title),
  ScoreImported: (_e, { t }) => t.imported(),
  ScoreDiscarded: (_e, { t }) => t.discarded(),
  ScoreInfoUpdated: (e, { t }) => t.info(Object.entries(e.data.to) as [keyof ScoreInfo, string][]),
  PartAdded: (e, { t }) => t.partAdded(e.data.part.name),
  PartRemoved: (e, { t }) => t.partRemoved(e.data.part.name),
  PartMoved: (e, ctx) => ctx.t.partMoved(part(ctx, e.data.partId), e.data.toIndex + 1),
  PartRenamed: (e, { t }) => t.partRenamed(e.data.from.name, e.data.to.name),
  InstrumentChanged: (e, ctx) =>
    ctx.t.instrumentChanged(part(ctx, e.data.partId), getInstrument(e.data.to.instrumentId)?.name ?? e.data.to.name),
  MeasuresInserted: (e, ctx) => {
    const before = e.data.index === 0 ? null : ctx.state?.measures[e.data.index - 1];
    return ctx.t.barsInserted(e.data.measures.length, before ? barOf(ctx, before.id) : null);
  },
  MeasuresDeleted: (e, ctx) => {
    const [first, last] = [e.data.measures[0], e.data.measures[e.data.measures.length - 1]];
    return ctx.t.barsDeleted({ from: barOf(ctx, first.id) ?? 0, to: barOf(ctx, last.id) ?? 0 });
  },
  TimeSignatureChanged: (e, ctx) => attribute(ctx, 'timeSignature', e.data, (ts) => `${ts.beats}/${ts.beatType}`),
  KeySignatureChanged: (e, ctx) => attribute(ctx, 'keySignature', e.data, (k) => ctx.t.key(k, tonicText(k))),
  MeasureLengthChanged: (e, ctx) =>
    ctx.t.set(ctx.t.noun('length'), e.data.to === null ? ctx.t.fullBar() : `${e.data.to.num}/${e.data.to.den}`, whereOf(ctx, e.data.measureId)),
  ClefChanged: (e, ctx) => attribute(ctx, 'clef', e.data, (c) => ctx.t.clef(c), e.data.partId),
  TempoChanged: (e, ctx) => attribute(ctx, 'tempo', e.data, (tempo) => ctx.t.tempo(tempo)),
  BarlineChanged: (e, ctx) =>
    ctx.t.set(ctx.t.noun(e.data.side === 'start' ? 'startBarline' : 'endBarline'), ctx.t.barline(e.data.to), whereOf(ctx, e.data.measureId)),
  VoltaChanged: (e, ctx) => markValue(ctx, 'volta', e.data, (v) => ctx.t.volta(v.numbers), (v) => v.numbers.join(', ')),
  RehearsalMarkChanged: (e, ctx) => markValue(ctx, 'rehearsalMark', e.data, (text) => ctx.t.rehearsalMark(text), (text) => ctx.t.quote(text)),
  TrailingRestsRemoved: (e, ctx) => ctx.t.removed(ctx.t.trailingRests(e.data.rests.length), inPart(ctx, e.data)),
  NoteWritten: (e, ctx) => {
    const written = e.data.inserted.find((entry) => entry.id === e.data.entryId) ?? e.data.inserted[0];
    return ctx.t.wrote(describeEntry(ctx, e.data.partId, written), inPart(ctx, e.data));
  },
  NoteDeleted: (e, ctx) => ctx.t.deleted(describeEntry(ctx, e.data.partId, e.data.deleted), inPart(ctx, e.data)),
  NoteRestored: (e, ctx) => ctx.t.restored(describeEntry(ctx, e.data.partId, e.data.restored), inPart(ctx, e.data)),
  DurationChanged: (e, ctx) =>
    ctx.t.changed(ctx.t.noun('duration'), ctx.t.duration(e.data.from), ctx.t.duration(e.data.to), inPart(ctx, e.data)),
  VoiceEntriesRestored: (e, ctx) =>
    e.data.inserted.length > 0
      ? ctx.t.restored(ctx.t.entries(e.data.inserted.length), inPart(ctx, e.data))
      : ctx.t.deleted(ctx.t.entries(e.data.removed.length), inPart(ctx, e.data)),
  NotePitchChanged: (e, ctx) =>
    ctx.t.changed(null, pitchText(ctx, e.data.partId, e.data.from), pitchText(ctx, e.data.partId, e.data.to), inPart(ctx, e.data)),
  ChordPitchAdded: (e, ctx) => ctx.t.added(ctx.t.chordNoteAdded(pitchText(ctx, e.data.partId, e.data.note.pitch)), inPart(ctx, e.data)),
  ChordPitchRemoved: (e, ctx) => ctx.t.removed(ctx.t.chordNoteRemoved(pitchText(ctx, e.data.partId, e.data.note.pitch)), inPart(ctx, e.data)),
  TieAdded: (e, ctx) => ctx.t.added(ctx.t.tie(tiedPitch(ctx, e.data)), inPart(ctx, e.data)),
  TieRemoved: (e, ctx) => ctx.t.removed(ctx.t.tie(tiedPitch(ctx, e.data)), inPart(ctx, e.data)),
  ArticulationAdded: (e, ctx) => ctx.t.added(ctx.t.articulation(e.data.articulation), inPart(ctx, e.data)),
  ArticulationRemoved: (e, ctx) => ctx.t.removed(ctx.t.articulation(e.data.articulation), inPart(ctx, e.data)),
  LyricSet: (e, ctx) => ctx.t.set(ctx.t.lyricOfVerse(e.data.to.verse), ctx.t.quote(e.data.to.text), inPart(ctx, e.data)),
  LyricCleared: (e, ctx) => ctx.t.removed(ctx.t.lyric(e.data.lyric.text), inPart(ctx, e.data)),
  DynamicAdded: (e, ctx) => ctx.t.added(ctx.t.dynamic(e.data.dynamic.value), inPart(ctx, e.data)),
  DynamicChanged: (e, ctx) => ctx.t.changed(ctx.t.noun('dynamic'), e.data.from, e.data.to, inPart(ctx, e.data)),
  DynamicRemoved: (e, ctx) => ctx.t.removed(ctx.t.dynamic(e.data.dynamic.value), inPart(ctx, e.data)),
  HairpinAdded: (e, ctx) => ctx.t.added(ctx.t.hairpin(e.data.hairpin.kind), inPart(ctx, e.data)),
  HairpinRemoved: (e, ctx) => ctx.t.removed(ctx.t.hairpin(e.data.hairpin.kind), inPart(ctx, e.data)),
  SlurAdded: (e, ctx) => ctx.t.added(ctx.t.slur(), inPart(ctx, e.data)),
  SlurRemoved: (e, ctx) => ctx.t.removed(ctx.t.slur(), inPart(ctx, e.data)),
  ChordSymbolAdded: (e, ctx) =>
    ctx.t.added(ctx.t.chordSymbol(chordText(ctx, e.data.partId, e.data.chordSymbol.symbol)), inPart(ctx, e.data)),
  ChordSymbolChanged: (e, ctx) => {
    const [from, to] = [chordText(ctx, e.data.partId, e.data.from), chordText(ctx, e.data.partId, e.data.to)];
    return ctx.t.changed(ctx.t.noun('chordSymbol'), from, to, inPart(ctx, e.data));
  },
  ChordSymbolRemoved: (e, ctx) =>
    ctx.t.removed(ctx.t.chordSymbol(chordText(ctx, e.data.partId, e.data.chordSymbol.symbol)), inPart(ctx, e.data)),
  TextExpressionAdded: (e, ctx) => ctx.t.added(ctx.t.text(e.data.text.text), inPart(ctx, e.data)),
  TextExpressionRemoved: (e, ctx) => ctx.t.removed(ctx.t.text(e.data.text.text), inPart(ctx, e.data)),
  SelectionTransposed: (e, ctx) => {
    const s = e.data.selection;
    const bars = { from: barOf(ctx, s.fromMeasureId) ?? 0, to: barOf(ctx, s.toMeasureId) ?? 0 };
    return ctx.t.transposed(bars, e.data.interval, transposedParts(ctx, s.partIds));
  },
};

/** One event as a predicate; an event type this version does not know, or data it cannot read, gets a generic one. */
export function describeEvent(event: { type: string; data: unknown }, ctx: Context): string {
  if (!isScoreEvent(event)) return ctx.t.generic();
  try {
    return (DESCRIBERS[event.type] as (e: ScoreEvent, c: Context) => string)(event, ctx);
  } catch {
    return ctx.t.generic();
  }
}
