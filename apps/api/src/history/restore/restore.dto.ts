import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

/** No part and no bars: the whole score. `partId`: that part. `fromMeasureId` + `toMeasureId`: those bars, every part. */
export class RestoreVersionDto {
  @ApiProperty({ description: 'Bring back the score as it was at this version (1 is its creation)' })
  @IsInt() @Min(1)
  version!: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64)
  partId?: string;

  @ApiPropertyOptional({ description: 'First bar of the range (a measure id of that version)' })
  @IsOptional() @IsString() @MaxLength(64)
  fromMeasureId?: string;

  @ApiPropertyOptional({ description: 'Last bar of the range, inclusive' })
  @IsOptional() @IsString() @MaxLength(64)
  toMeasureId?: string;
}
