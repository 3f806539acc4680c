import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { SCORE_ID_PATTERN } from '../../score-id.params';
import { SCORE_TEMPLATE_NAMES } from '../../templates/score-templates';

export class TimeSignatureDto {
  @IsInt() @Min(1) @Max(32) beats!: number;
  @IsInt() @IsIn([1, 2, 4, 8, 16, 32]) beatType!: number;
}

export class KeySignatureDto {
  @IsInt() @Min(-7) @Max(7) fifths!: number;
  @IsIn(['major', 'minor']) mode!: 'major' | 'minor';
}

export class CreateScoreDto {
  @ApiPropertyOptional({ description: 'A UUID or ULID; the server picks one when absent' })
  @IsOptional()
  @Matches(SCORE_ID_PATTERN, { message: 'scoreId must be a UUID or a ULID' })
  scoreId?: string;

  @ApiProperty() @IsString() @Length(1, 200) title!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) subtitle?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) composer?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) arranger?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) copyright?: string;

  @ApiPropertyOptional({ enum: SCORE_TEMPLATE_NAMES })
  @IsOptional()
  @IsIn(SCORE_TEMPLATE_NAMES)
  template?: string;

  @ApiPropertyOptional({ description: 'Instrument ids of a blank score (ignored with a template)', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  instrumentIds?: string[];

  @ApiPropertyOptional({ default: 16 }) @IsOptional() @IsInt() @Min(1) @Max(999) measureCount?: number;

  @ApiPropertyOptional() @IsOptional() @ValidateNested() @Type(() => TimeSignatureDto) timeSignature?: TimeSignatureDto;
  @ApiPropertyOptional() @IsOptional() @ValidateNested() @Type(() => KeySignatureDto) keySignature?: KeySignatureDto;
}
