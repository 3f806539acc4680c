export type ScoreSortField = 'title' | 'composer' | 'updatedAt';

export class ListScores {
  constructor(
    /** The caller's account: their library holds the scores they own and those shared with them. */
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
