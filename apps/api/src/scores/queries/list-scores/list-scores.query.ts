export type ScoreSortField = 'title' | 'composer' | 'updatedAt';

export class ListScores {
  constructor(
    /** The caller as the catalogue names owners (the actor id that created the scores). */
    readonly ownerId: string,
    /** The caller's account, for the scores others shared with them. */
    readonly userId: string,
    readonly options: {
      q?: string;
      instrument?: string;
      trashed: boolean;
      sort: ScoreSortField;
      order: 'asc' | 'desc';
      limit: number;
      offset: number;
    },
  ) {}
}
