import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';
import { EDIT_COMMAND_TYPES } from './command-schemas';
import { IsCommandDataFor } from './command-data.validator';

/** One editing command of the score model, as a client sends it: `{ type, data }`. */
export class CommandItemDto {
  @ApiProperty({ enum: EDIT_COMMAND_TYPES, example: 'WriteNote' })
  @IsIn(EDIT_COMMAND_TYPES)
  type!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The command data, as in libs/domain score commands' })
  @IsObject()
  @IsCommandDataFor('type')
  data!: Record<string, unknown>;
}

export class ApplyCommandDto extends CommandItemDto {
  @ApiPropertyOptional({ description: 'The score version the client last saw (or send If-Match)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  expectedVersion?: number;
}
