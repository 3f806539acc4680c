import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { formatChordSymbol, keyName, passageChords, type HarmonicRhythm, type KeySignature, type PassageChordSuggestion } from '@bandpro/domain';
import { analysedScore, versionField } from '../analysed-score';
import { SuggestChords } from './chord-suggestions.query';

export interface ChordSuggestionsView {
  scoreId: string;
  version?: number;
  /** The key signature in force where the passage starts (concert): the chords are chosen in it. */
  key: KeySignature;
  keyName: string;
  per: HarmonicRhythm;
  suggestions: (PassageChordSuggestion & { name: string })[];
}

@QueryHandler(SuggestChords)
export class SuggestChordsHandler implements IQueryHandler<SuggestChords, ChordSuggestionsView> {
  constructor(private readonly queryBus: QueryBus) {}

  async execute({ scoreId, passage, per, version }: SuggestChords): Promise<ChordSuggestionsView> {
    const score = await analysedScore(this.queryBus, scoreId, version);
    const { key, suggestions } = passageChords(score.state, passage, per);
    return {
      scoreId, ...versionField(score), key, keyName: keyName(key), per,
      suggestions: suggestions.map((s) => ({ ...s, name: formatChordSymbol(s.chord) })),
    };
  }
}
