import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { formatChordSymbol, nameSelectedChord, type ChordSymbol } from '@bandpro/domain';
import { analysedScore, versionField } from '../analysed-score';
import { NameChord } from './chord-name.query';

export interface ChordNameView {
  scoreId: string;
  version?: number;
  /** The best reading; null when the notes form no chord (a single pitch class, or no template fits). */
  chord: ChordSymbol | null;
  name: string | null;
  /** Other readings, best first (C E G A: C6, then Am7/C). */
  alternatives: string[];
}

@QueryHandler(NameChord)
export class NameChordHandler implements IQueryHandler<NameChord, ChordNameView> {
  constructor(private readonly queryBus: QueryBus) {}

  async execute({ scoreId, selection, version }: NameChord): Promise<ChordNameView> {
    const score = await analysedScore(this.queryBus, scoreId, version);
    const [best, ...others] = nameSelectedChord(score.state, selection);
    return {
      scoreId, ...versionField(score),
      chord: best ?? null, name: best === undefined ? null : formatChordSymbol(best), alternatives: others.map((c) => formatChordSymbol(c)),
    };
  }
}
