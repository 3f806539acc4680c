import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** Score ids are client-chosen ULIDs or UUIDs, like every element id. */
export const SCORE_ID_PATTERN = /^(?:[0-7][0-9A-HJKMNP-TV-Z]{25}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export class ScoreIdParams {
  @ApiProperty({ description: 'A UUID or ULID' })
  @Matches(SCORE_ID_PATTERN, { message: 'scoreId must be a UUID or a ULID' })
  scoreId!: string;
}
