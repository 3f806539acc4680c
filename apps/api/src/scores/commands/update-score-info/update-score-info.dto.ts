import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';

export class UpdateScoreInfoDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) subtitle?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) composer?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) arranger?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) copyright?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) expectedVersion?: number;
}
