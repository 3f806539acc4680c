import type { ChordSymbol } from '../../music/music.types';
import type { PartMeasureLocator, StaffLocator } from '../model/locators';
import type {
  ChordSymbolMark,
  DynamicMark,
  DynamicValue,
  ElementId,
  Hairpin,
  Slur,
  TextExpression,
} from '../model/score.types';
import type { DomainEvent } from './event';

export type DynamicAdded = DomainEvent<'DynamicAdded', StaffLocator & { dynamic: DynamicMark }>;
export type DynamicChanged = DomainEvent<
  'DynamicChanged',
  StaffLocator & { dynamicId: ElementId; from: DynamicValue; to: DynamicValue }
>;
export type DynamicRemoved = DomainEvent<'DynamicRemoved', StaffLocator & { dynamic: DynamicMark }>;
export type HairpinAdded = DomainEvent<'HairpinAdded', StaffLocator & { hairpin: Hairpin }>;
export type HairpinRemoved = DomainEvent<'HairpinRemoved', StaffLocator & { hairpin: Hairpin }>;
export type SlurAdded = DomainEvent<'SlurAdded', StaffLocator & { slur: Slur }>;
export type SlurRemoved = DomainEvent<'SlurRemoved', StaffLocator & { slur: Slur }>;
export type ChordSymbolAdded = DomainEvent<'ChordSymbolAdded', PartMeasureLocator & { chordSymbol: ChordSymbolMark }>;
export type ChordSymbolChanged = DomainEvent<
  'ChordSymbolChanged',
  PartMeasureLocator & { chordSymbolId: ElementId; from: ChordSymbol; to: ChordSymbol }
>;
export type ChordSymbolRemoved = DomainEvent<
  'ChordSymbolRemoved',
  PartMeasureLocator & { chordSymbol: ChordSymbolMark }
>;
export type TextExpressionAdded = DomainEvent<'TextExpressionAdded', StaffLocator & { text: TextExpression }>;
export type TextExpressionRemoved = DomainEvent<'TextExpressionRemoved', StaffLocator & { text: TextExpression }>;

export type MarkEvent =
  | DynamicAdded
  | DynamicChanged
  | DynamicRemoved
  | HairpinAdded
  | HairpinRemoved
  | SlurAdded
  | SlurRemoved
  | ChordSymbolAdded
  | ChordSymbolChanged
  | ChordSymbolRemoved
  | TextExpressionAdded
  | TextExpressionRemoved;
