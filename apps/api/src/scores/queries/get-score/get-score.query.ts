export class GetScore {
  constructor(
    readonly scoreId: string,
    /** Time travel: the score as of this version, rebuilt from events and snapshots. */
    readonly version?: number,
    /** false: the document as the players read it (written pitch). */
    readonly concertPitch = true,
  ) {}
}

export class GetScoreInfo {
  constructor(readonly scoreId: string) {}
}
