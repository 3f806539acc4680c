import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export class FractionDto {
  @IsInt() @Min(0) @Max(1_000_000) num!: number;
  @IsInt() @Min(1) @Max(1_000_000) den!: number;
}

export class TupletDto {
  @IsInt() @Min(1) @Max(64) actual!: number;
  @IsInt() @Min(1) @Max(64) normal!: number;
}

export class DurationDto {
  @IsString() @MaxLength(16) type!: string;
  @IsInt() @Min(0) @Max(4) dots!: number;
  @IsOptional() @ValidateNested() @Type(() => TupletDto) tuplet?: TupletDto;
}

export class PitchDto {
  @IsIn(['C', 'D', 'E', 'F', 'G', 'A', 'B']) step!: string;
  @IsInt() @Min(-2) @Max(2) alter!: number;
  @IsInt() @Min(0) @Max(9) octave!: number;
}

export class NewNoteDto {
  @IsString() @MaxLength(64) id!: string;
  @ValidateNested() @Type(() => PitchDto) pitch!: PitchDto;
}

/** The dedicated route of the most common edit; the domain still checks ids, ranges and fit. */
export class WriteNoteDto {
  @ApiProperty() @IsString() @MaxLength(64) partId!: string;
  @ApiProperty() @IsInt() @Min(1) @Max(4) staff!: number;
  @ApiProperty() @IsString() @MaxLength(64) measureId!: string;
  @ApiProperty() @IsInt() @Min(1) @Max(4) voice!: number;
  @ApiProperty() @ValidateNested() @Type(() => FractionDto) offset!: FractionDto;
  @ApiProperty() @IsString() @MaxLength(64) entryId!: string;
  @ApiProperty() @ValidateNested() @Type(() => DurationDto) duration!: DurationDto;

  @ApiProperty({ type: [NewNoteDto], description: 'Empty for a rest' })
  @IsArray()
  @ArrayMaxSize(16)
  @ValidateNested({ each: true })
  @Type(() => NewNoteDto)
  notes!: NewNoteDto[];

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) expectedVersion?: number;
}
