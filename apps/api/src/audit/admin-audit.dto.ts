import { ApiPropertyOptional } from '@nestjs/swagger';
import { isAuditCursor, MAX_AUDIT_PAGE, type AuditFilter } from '@bandpro/audit';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateBy } from 'class-validator';

const IsAuditCursor = () => ValidateBy({ name: 'isAuditCursor', validator: { validate: (value) => typeof value === 'string' && isAuditCursor(value), defaultMessage: () => 'cursor must be a nextCursor this API returned' } });

export class AuditFilterDto {
  @ApiPropertyOptional({ description: 'Actor id: a user id or an API key id' }) @IsOptional() @IsString() @MaxLength(128) actor?: string;
  @ApiPropertyOptional({ description: 'Score id' }) @IsOptional() @IsString() @MaxLength(128) score?: string;
  @ApiPropertyOptional({ description: "Action, e.g. 'auth.login_failed'" }) @IsOptional() @IsString() @Matches(/^[a-z][A-Za-z0-9_.-]{0,63}$/) action?: string;
  @ApiPropertyOptional({ description: 'From this time (ISO 8601, inclusive)' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ description: 'Until this time (ISO 8601, exclusive)' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
}

export class AuditQueryDto extends AuditFilterDto {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(200) @IsAuditCursor() cursor?: string;
  @ApiPropertyOptional({ default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_AUDIT_PAGE) limit?: number;
}

export class AuditExportDto extends AuditFilterDto {
  @ApiPropertyOptional({ enum: ['csv', 'ndjson'], default: 'ndjson' }) @IsOptional() @IsIn(['csv', 'ndjson']) format?: 'csv' | 'ndjson';
}

export function toAuditFilter(dto: AuditFilterDto): AuditFilter {
  return {
    actorId: dto.actor,
    scoreId: dto.score,
    action: dto.action,
    from: dto.from === undefined ? undefined : new Date(dto.from),
    to: dto.to === undefined ? undefined : new Date(dto.to),
  };
}
