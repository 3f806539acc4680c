import type { PassageRange } from '@bandpro/domain';

export class DetectKey {
  constructor(
    readonly scoreId: string,
    readonly range: PassageRange,
    readonly version?: number,
  ) {}
}
