import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Transform } from 'class-transformer';

export class ListScoresDto {
  @ApiPropertyOptional({ description: 'Words to find in the title or composer' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ description: 'An instrument id, e.g. trumpet-bb' }) @IsOptional() @IsString() @MaxLength(64) instrument?: string;

  @ApiPropertyOptional({ description: 'List the trash instead' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  trashed?: boolean;

  @ApiPropertyOptional({ enum: ['title', 'composer', 'updatedAt'] }) @IsOptional() @IsIn(['title', 'composer', 'updatedAt']) sort?: 'title' | 'composer' | 'updatedAt';
  @ApiPropertyOptional({ enum: ['asc', 'desc'] }) @IsOptional() @IsIn(['asc', 'desc']) order?: 'asc' | 'desc';
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(100_000) offset?: number;
}
