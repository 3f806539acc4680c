import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { HarmonicRhythm } from '@bandpro/domain';
import { AnalysisVersionDto, MAX_ID_LENGTH } from '../analysis.dto';

const RHYTHMS: HarmonicRhythm[] = ['bar', 'half-bar', 'beat'];

export class ChordSuggestionsDto extends AnalysisVersionDto {
  @ApiProperty({ description: 'The part whose melody is harmonised' }) @IsString() @MaxLength(MAX_ID_LENGTH) partId!: string;
  @ApiPropertyOptional({ description: 'First measure id (inclusive)' }) @IsOptional() @IsString() @MaxLength(MAX_ID_LENGTH) from?: string;
  @ApiPropertyOptional({ description: 'Last measure id (inclusive)' }) @IsOptional() @IsString() @MaxLength(MAX_ID_LENGTH) to?: string;
  @ApiPropertyOptional({ enum: RHYTHMS, default: 'bar', description: 'How often the chord may change' }) @IsOptional() @IsIn(RHYTHMS) per?: HarmonicRhythm;
}
