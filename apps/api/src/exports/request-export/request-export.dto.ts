import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EXPORT_FORMATS, EXPORT_PAGE_SIZES, type ExportFormat, type ExportPageSize } from '@bandpro/exports';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Max, Min, Validate, ValidatorConstraint, type ValidatorConstraintInterface,
} from 'class-validator';

const MAX_PARTS = 60;
const ELEMENT_ID = /^[0-9A-Za-z-]{1,64}$/;

/** `parts` is the word "score" or a list of part ids: two shapes class-validator's built-ins cannot say together. */
@ValidatorConstraint({ name: 'partsSelection' })
class PartsSelection implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (value === 'score') return true;
    return Array.isArray(value) && value.length >= 1 && value.length <= MAX_PARTS && value.every((id) => typeof id === 'string' && ELEMENT_ID.test(id));
  }

  defaultMessage(): string {
    return `parts must be "score" or a list of 1 to ${MAX_PARTS} part ids`;
  }
}

export class RequestExportDto {
  @ApiPropertyOptional({ description: 'The score as of this version; default the current one' })
  @IsOptional() @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER)
  version?: number;

  @ApiProperty({ enum: EXPORT_FORMATS, isArray: true, description: 'One format and one target give that file; more give a zip' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(EXPORT_FORMATS.length) @IsIn(EXPORT_FORMATS, { each: true })
  formats!: ExportFormat[];

  @ApiPropertyOptional({ description: '"score" (default) or part ids, each printed in written pitch', oneOf: [{ type: 'string', enum: ['score'] }, { type: 'array', items: { type: 'string' } }] })
  @IsOptional() @Validate(PartsSelection)
  parts?: 'score' | string[];

  @ApiPropertyOptional({ description: 'Full score at sounding pitch (parts are always written pitch)' })
  @IsOptional() @IsBoolean()
  concertPitch?: boolean;

  @ApiPropertyOptional({ enum: EXPORT_PAGE_SIZES })
  @IsOptional() @IsIn(EXPORT_PAGE_SIZES)
  pageSize?: ExportPageSize;
}
