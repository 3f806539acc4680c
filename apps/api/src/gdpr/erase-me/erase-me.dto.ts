import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsString, MaxLength } from 'class-validator';

export type ScoreDecision = { action: 'transfer'; to: string } | { action: 'delete' };

export class EraseMeDto {
  @ApiProperty({ description: 'The account password, asked again for an act that cannot be undone' })
  @IsString()
  @MaxLength(200)
  password!: string;

  @ApiProperty({
    description: "One decision per score I own: `{ action: 'transfer', to: userId }` (a member of the score) or `{ action: 'delete' }`",
    example: { '0190c1a2-0000-7000-8000-000000000001': { action: 'delete' } },
  })
  @IsObject()
  scores!: Record<string, unknown>;
}
