import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { SCORE_ID_PATTERN } from '../../score-id.params';

export class DuplicateScoreDto {
  @ApiPropertyOptional() @IsOptional() @Matches(SCORE_ID_PATTERN, { message: 'scoreId must be a UUID or a ULID' }) scoreId?: string;
  @ApiPropertyOptional({ description: 'Defaults to the source title + " (copy)"' }) @IsOptional() @IsString() @Length(1, 200) title?: string;
}
