import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Element ids are ULIDs, UUIDs or `<id>:<n>`: 64 characters is plenty and keeps junk out. */
export const MAX_ID_LENGTH = 64;

/** `?version=N`: every analysis can read the score as it was at a version. */
export class AnalysisVersionDto {
  @ApiPropertyOptional({ description: 'Time travel: analyse the score as of this version' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  version?: number;
}

/** A passage: one part or all, from one measure to another (inclusive), by id. */
export class PassageQueryDto extends AnalysisVersionDto {
  @ApiPropertyOptional({ description: 'A part id; all parts when absent' }) @IsOptional() @IsString() @MaxLength(MAX_ID_LENGTH) partId?: string;
  @ApiPropertyOptional({ description: 'First measure id (inclusive); the first measure when absent' }) @IsOptional() @IsString() @MaxLength(MAX_ID_LENGTH) from?: string;
  @ApiPropertyOptional({ description: 'Last measure id (inclusive); the last measure when absent' }) @IsOptional() @IsString() @MaxLength(MAX_ID_LENGTH) to?: string;
}
