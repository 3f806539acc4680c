import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { AnalysisVersionDto, MAX_ID_LENGTH } from '../analysis.dto';

export class RangeWarningsDto extends AnalysisVersionDto {
  @ApiPropertyOptional({ description: 'Only this part' }) @IsOptional() @IsString() @MaxLength(MAX_ID_LENGTH) partId?: string;
}
