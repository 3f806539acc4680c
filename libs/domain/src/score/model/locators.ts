import type { ElementId, StaffNumber, VoiceNumber } from './score.types';

/** Where a staff's content lives: every event that touches content carries the full path to it. */
export interface StaffLocator {
  partId: ElementId;
  staff: StaffNumber;
  measureId: ElementId;
}

export interface VoiceLocator extends StaffLocator {
  voice: VoiceNumber;
}

export interface EntryLocator extends VoiceLocator {
  entryId: ElementId;
}

export interface PartMeasureLocator {
  partId: ElementId;
  measureId: ElementId;
}
