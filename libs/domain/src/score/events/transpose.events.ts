import type { ChordSymbol, Interval, KeySignature, Pitch } from '../../music/music.types';
import type { VoiceLocator } from '../model/locators';
import type { ElementId, StaffNumber, VoiceNumber } from '../model/score.types';
import type { DomainEvent } from './event';

export interface TransposedSelection {
  partIds: ElementId[];
  fromMeasureId: ElementId;
  toMeasureId: ElementId;
  staves: StaffNumber[] | null;
  voices: VoiceNumber[] | null;
}

export interface PitchChange {
  entryId: ElementId;
  noteId: ElementId;
  from: Pitch;
  to: Pitch;
}

/** Grouped by voice so evolve copies each voice's path once. */
export interface VoiceTransposition extends VoiceLocator {
  changes: PitchChange[];
}

export interface ChordSymbolTransposition {
  partId: ElementId;
  measureId: ElementId;
  chordSymbolId: ElementId;
  from: ChordSymbol;
  to: ChordSymbol;
}

export interface KeyTransposition {
  measureId: ElementId;
  from: KeySignature;
  to: KeySignature;
}

/**
 * Every pitch, chord symbol and key signature it changed, before and after: spelling depends on the key,
 * so the inverse swaps these rather than transposing back.
 */
export type SelectionTransposed = DomainEvent<
  'SelectionTransposed',
  {
    selection: TransposedSelection;
    interval: Interval;
    voices: VoiceTransposition[];
    chordSymbols: ChordSymbolTransposition[];
    keySignatures: KeyTransposition[];
  }
>;
