import type { NoteSelection } from '@bandpro/domain';

export class NameChord {
  constructor(
    readonly scoreId: string,
    readonly selection: NoteSelection,
    readonly version?: number,
  ) {}
}
