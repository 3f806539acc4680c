import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export class GetScoreDto {
  @ApiPropertyOptional({ description: 'Time travel: the score as of this version' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  version?: number;

  @ApiPropertyOptional({ default: true, description: 'false: transposing parts in written pitch, with their written keys' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  concertPitch?: boolean;
}
