import type { Locale } from '@bandpro/history';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';


export const LOCALES: readonly Locale[] = ['en', 'zh-Hant'];

export class HistoryPageDto {
  @ApiPropertyOptional({ description: 'Changes that end before this version (the cursor from the previous page); default: the newest' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  before?: number;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional({ enum: LOCALES, default: 'en' })
  @IsOptional() @IsIn(LOCALES)
  locale?: Locale;
}
