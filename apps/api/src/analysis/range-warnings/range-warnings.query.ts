export class GetRangeWarnings {
  constructor(
    readonly scoreId: string,
    readonly partId?: string,
    readonly version?: number,
  ) {}
}
