import type { HarmonicRhythm } from '@bandpro/domain';

export class SuggestChords {
  constructor(
    readonly scoreId: string,
    readonly passage: { partId: string; fromMeasureId?: string; toMeasureId?: string },
    readonly per: HarmonicRhythm,
    readonly version?: number,
  ) {}
}
