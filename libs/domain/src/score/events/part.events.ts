import type { ElementId, Part, PartMeasure } from '../model/score.types';
import type { DomainEvent } from './event';

/**
 * The part's content by measure id; measures not listed get empty content. A new part has `{}`; the inverse
 * of PartRemoved brings the removed content back through here.
 */
export type PartContent = Record<ElementId, PartMeasure>;

export type PartAdded = DomainEvent<'PartAdded', { part: Part; index: number; content: PartContent }>;
/** Carries the part, where it stood and all its non-empty content, so undo restores it exactly. */
export type PartRemoved = DomainEvent<'PartRemoved', { part: Part; index: number; content: PartContent }>;
export type PartMoved = DomainEvent<'PartMoved', { partId: ElementId; fromIndex: number; toIndex: number }>;

export interface PartNames {
  name: string;
  abbreviation: string;
}
export type PartRenamed = DomainEvent<'PartRenamed', { partId: ElementId; from: PartNames; to: PartNames }>;

export interface PartInstrument extends PartNames {
  instrumentId: string;
}
export type InstrumentChanged = DomainEvent<
  'InstrumentChanged',
  { partId: ElementId; from: PartInstrument; to: PartInstrument }
>;

export type PartEvent = PartAdded | PartRemoved | PartMoved | PartRenamed | InstrumentChanged;
