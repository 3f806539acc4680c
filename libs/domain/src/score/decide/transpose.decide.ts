import { transposeChordSymbol } from '../../music/chord-symbol';
import { intervalToKey, transposePitch } from '../../music/interval';
import { transposeKeyAndInterval } from '../../music/key';
import type { ChordSymbol, Interval, Pitch } from '../../music/music.types';
import type { Selection, TargetKey, TransposeSelection } from '../commands/transpose.commands';
import type { ScoreEvent } from '../events/score-event';
import type {
  ChordSymbolTransposition,
  KeyTransposition,
  TransposedSelection,
  VoiceTransposition,
} from '../events/transpose.events';
import type { ActiveScoreState, ScoreState } from '../model/score.state';
import type { Measure, StaffNumber, VoiceNumber } from '../model/score.types';
import { keySignatureAt } from '../queries/attributes';
import { requirePart, requireScore, requireVoiceNumber } from '../queries/lookup';
import { FieldMustBeValid, TransposedPitchMustBeSpellable } from '../rules/rule-errors';
import { requireInterval } from '../validation/attributes';
import { isRecord, requireBoolean } from '../validation/values';
import { requireRange } from './measures.decide';

function spell<T>(what: Pitch | ChordSymbol, interval: Interval, transpose: () => T): T {
  try {
    return transpose();
  } catch {
    throw new TransposedPitchMustBeSpellable({ pitch: what, interval });
  }
}

function requireSelection(s: ActiveScoreState, input: Selection): { selection: TransposedSelection; range: [number, number] } {
  if (!isRecord(input) || !Array.isArray(input.partIds) || input.partIds.length === 0) {
    throw new FieldMustBeValid({ field: 'selection.partIds', value: input?.partIds, expected: 'one or more part ids' });
  }
  const partIds = [...new Set(input.partIds.map((id) => requirePart(s, id).part.id))];
  const range = requireRange(s, input.fromMeasureId, input.toMeasureId);
  const staves = input.staves == null ? null : input.staves.map((n): StaffNumber => {
    if (n !== 1 && n !== 2) throw new FieldMustBeValid({ field: 'selection.staves', value: n, expected: '1 or 2' });
    return n;
  });
  const voices = input.voices == null ? null : input.voices.map(requireVoiceNumber);
  const [a, b] = range;
  return {
    selection: { partIds, fromMeasureId: s.measures[a].id, toMeasureId: s.measures[b].id, staves, voices },
    range,
  };
}

function isWholeScore(s: ActiveScoreState, sel: TransposedSelection, [a, b]: [number, number]): boolean {
  const all = s.parts.every((p) => sel.partIds.includes(p.id));
  return all && a === 0 && b === s.measures.length - 1 && sel.staves === null && sel.voices === null;
}

/** With the whole score selected, keys follow and each key region spells its notes with its own interval. */
function keyRegions(s: ActiveScoreState, interval: Interval): { keys: KeyTransposition[]; intervals: Interval[] } {
  const keys: KeyTransposition[] = [];
  const intervals: Interval[] = [];
  let current = interval;
  for (const m of s.measures) {
    if (m.keySignature !== null) {
      const moved = transposeKeyAndInterval(m.keySignature, interval);
      current = moved.interval;
      keys.push({ measureId: m.id, from: m.keySignature, to: moved.key });
    }
    intervals.push(current);
  }
  return { keys: keys.filter((k) => k.from.fifths !== k.to.fifths), intervals };
}

function transposeVoices(m: Measure, sel: TransposedSelection, interval: Interval): VoiceTransposition[] {
  const groups: VoiceTransposition[] = [];
  for (const partId of sel.partIds) {
    m.content[partId].staves.forEach((staff, s) => {
      if (sel.staves !== null && !sel.staves.includes((s + 1) as StaffNumber)) return;
      staff.voices.forEach((entries, v) => {
        if (sel.voices !== null && !sel.voices.includes((v + 1) as VoiceNumber)) return;
        const changes = entries.flatMap((e) =>
          e.kind !== 'chord'
            ? []
            : e.notes.map((n) => ({
                entryId: e.id,
                noteId: n.id,
                from: n.pitch,
                to: spell(n.pitch, interval, () => transposePitch(n.pitch, interval)),
              })),
        );
        const locator = { partId, staff: (s + 1) as StaffNumber, measureId: m.id, voice: (v + 1) as VoiceNumber };
        if (changes.length > 0) groups.push({ ...locator, changes });
      });
    });
  }
  return groups;
}

function transposeChordSymbols(m: Measure, partIds: readonly string[], interval: Interval): ChordSymbolTransposition[] {
  return partIds.flatMap((partId) =>
    m.content[partId].chordSymbols.map((c) => ({
      partId,
      measureId: m.id,
      chordSymbolId: c.id,
      from: c.symbol,
      to: spell(c.symbol, interval, () => transposeChordSymbol(c.symbol, interval)),
    })),
  );
}

const DIRECTIONS: readonly string[] = ['up', 'down', 'closest'];

/** The interval from the key in force at the selection's first measure to the target key. */
function intervalToTargetKey(s: ActiveScoreState, first: number, target: TargetKey): Interval {
  if (!isRecord(target) || !Number.isSafeInteger(target.fifths) || Math.abs(target.fifths) > 7) {
    throw new FieldMustBeValid({ field: 'toKey.fifths', value: isRecord(target) ? target.fifths : target, expected: 'a whole number from -7 to 7' });
  }
  const direction = target.direction ?? 'closest';
  if (!DIRECTIONS.includes(direction)) throw new FieldMustBeValid({ field: 'toKey.direction', value: direction, expected: "'up', 'down' or 'closest'" });
  return intervalToKey(keySignatureAt(s, first).fifths, target.fifths, direction);
}

export function decideTransposeSelection(command: TransposeSelection, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const { interval: byInterval, toKey } = command.data;
  if ((byInterval === undefined) === (toKey === undefined)) {
    throw new FieldMustBeValid({ field: 'interval', value: byInterval, expected: 'either an interval or toKey, not both' });
  }
  const keep = command.data.keepChordSymbols === undefined ? false : requireBoolean('keepChordSymbols', command.data.keepChordSymbols);
  const { selection, range } = requireSelection(s, command.data.selection);
  const interval = toKey === undefined ? requireInterval(byInterval) : intervalToTargetKey(s, range[0], toKey);
  if (interval.diatonic === 0 && interval.chromatic === 0) return [];
  const whole = isWholeScore(s, selection, range);
  const { keys, intervals } = whole ? keyRegions(s, interval) : { keys: [], intervals: [] };
  const voices: VoiceTransposition[] = [];
  const chordSymbols: ChordSymbolTransposition[] = [];
  for (let k = range[0]; k <= range[1]; k++) {
    const at = whole ? intervals[k] : interval;
    voices.push(...transposeVoices(s.measures[k], selection, at));
    if (!keep) chordSymbols.push(...transposeChordSymbols(s.measures[k], selection.partIds, at));
  }
  if (voices.length + chordSymbols.length + keys.length === 0) return [];
  return [{ type: 'SelectionTransposed', data: { selection, interval, voices, chordSymbols, keySignatures: keys } }];
}
