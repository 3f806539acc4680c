import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';

export class DiffQueryDto {
  @ApiProperty({ description: 'The earlier version (0 = before the score existed)' })
  @Type(() => Number) @IsInt() @Min(0)
  from!: number;

  @ApiProperty({ description: 'The later version' })
  @Type(() => Number) @IsInt() @Min(0)
  to!: number;
}
