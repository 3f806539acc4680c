import type { Fraction, KeySignature, TimeSignature } from '../../music/music.types';
import type { Score, ScoreInfo, TempoMark } from '../model/score.types';
import type { Command } from './command';

export interface NewPart {
  partId: string;
  instrumentId: string;
  /** Defaults to the instrument's name / abbreviation. */
  name?: string;
  abbreviation?: string;
}

export type CreateScore = Command<
  'CreateScore',
  Partial<Omit<ScoreInfo, 'title'>> & {
    scoreId: string;
    title: string;
    parts: NewPart[];
    /** One id per initial measure (at least one). */
    measureIds: string[];
    /** Defaults: 4/4, C major. */
    timeSignature?: TimeSignature;
    keySignature?: KeySignature;
    /** The actual length of the first measure when it is a pickup (anacrusis). */
    pickup?: Fraction | null;
    tempo?: TempoMark | null;
  }
>;

/** A whole score document in one command (imports), checked by the same rules as edits. */
export type ImportScore = Command<'ImportScore', { score: Omit<Score, 'ownerId' | 'createdAt'> }>;

export type UpdateScoreInfo = Command<'UpdateScoreInfo', Partial<ScoreInfo>>;

export type ScoreLifecycleCommand = CreateScore | ImportScore | UpdateScoreInfo;
