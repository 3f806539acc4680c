import type { ActiveScoreState, InstrumentDefinition, Interval, KeySignature, Part } from '@bandpro/domain';
import type { PartSpanners } from './spanners';

/** What writing one part needs to know. */
export interface PartExport {
  part: Part;
  /** P1, P2 ... */
  xmlId: string;
  instrument: InstrumentDefinition;
  drums: boolean;
  /** Concert → written; null when the part is written at concert pitch. Keys past seven sharps or flats are respelt. */
  toWritten: Interval | null;
  spanners: PartSpanners;
  /** Pitches tied from the voice's last chord, by `${staff}|${voice}`. */
  ties: Map<string, Set<string>>;
  /** The first exported part carries tempo and rehearsal marks. */
  carriesMeasureMarks: boolean;
}

export interface ScoreExport {
  state: ActiveScoreState;
  /** The concert key in force in each measure. */
  keys: KeySignature[];
  divisions: number;
  concertPitch: boolean;
}
