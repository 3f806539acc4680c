export type ActorKind = 'user' | 'api-key' | 'system';

/** Who asks and when: the domain has no clock, so time arrives with the command. */
export interface CommandMetadata {
  actor: { id: string; kind: ActorKind };
  /** ISO-8601 time at which the command was issued. */
  at: string;
}

export interface Command<Type extends string, Data> {
  type: Type;
  data: Data;
  metadata: CommandMetadata;
}

/**
 * Staff and voice numbers arrive as plain numbers from clients and are checked by decide
 * (StaffMustExistInPart, VoiceMustBeOneToFour) before they become StaffNumber / VoiceNumber.
 */
export interface StaffTarget {
  partId: string;
  staff: number;
  measureId: string;
}

export interface VoiceTarget extends StaffTarget {
  voice: number;
}

export interface EntryTarget extends VoiceTarget {
  entryId: string;
}
