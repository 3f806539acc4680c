import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import type { MemberRole } from '@bandpro/domain';

const MEMBER_ROLES: MemberRole[] = ['viewer', 'commenter', 'editor'];

export class InviteMemberDto {
  @ApiProperty() @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty({ enum: MEMBER_ROLES }) @IsIn(MEMBER_ROLES) role!: MemberRole;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: MEMBER_ROLES }) @IsIn(MEMBER_ROLES) role!: MemberRole;
}

export class TransferOwnershipDto {
  @ApiProperty() @IsString() @MaxLength(100) userId!: string;
}

export class CreateShareLinkDto {
  @ApiPropertyOptional({ description: 'ISO-8601; absent means the link never expires' })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;
}
