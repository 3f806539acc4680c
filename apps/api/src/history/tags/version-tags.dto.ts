import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { SCORE_ID_PATTERN, ScoreIdParams } from '../../scores/score-id.params';

export class TagVersionDto {
  @ApiProperty({ description: 'Client-chosen id (UUID or ULID)' }) @Matches(SCORE_ID_PATTERN, { message: 'tagId must be a UUID or a ULID' }) tagId!: string;
  @ApiProperty({ example: 'Sent to the printer' }) @IsString() @MinLength(1) @MaxLength(80) name!: string;
  @ApiProperty({ description: 'The score version to name' }) @IsInt() @Min(1) version!: number;
}

export class RenameTagDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(80) name!: string;
}

export class TagParams extends ScoreIdParams {
  @ApiProperty() @Matches(SCORE_ID_PATTERN, { message: 'tagId must be a UUID or a ULID' }) tagId!: string;
}
