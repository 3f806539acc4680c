import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_ID_LENGTH } from '../analysis.dto';
import { IsChordSelection, type ChordSelectionInput } from './chord-selection';

export class ChordNameDto {
  @ApiPropertyOptional({ description: 'Only notes of this part' }) @IsOptional() @IsString() @MaxLength(MAX_ID_LENGTH) partId?: string;

  @ApiProperty({
    description: 'Entry ids, or { measureIds, partIds? } for everything in those measures',
    oneOf: [
      { type: 'array', items: { type: 'string' } },
      { type: 'object', properties: { measureIds: { type: 'array', items: { type: 'string' } }, partIds: { type: 'array', items: { type: 'string' } } }, required: ['measureIds'] },
    ],
  })
  @IsChordSelection()
  selection!: ChordSelectionInput;
}
