import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequireScoreRole, type AuthenticatedRequest } from '../common/auth/auth.decorators';
import { ChangeRoleDto, CreateShareLinkDto, InviteMemberDto, TransferOwnershipDto } from './access.dto';
import { AccessService } from './access.service';

type RequestActor = NonNullable<AuthenticatedRequest['actor']>;

/** Who may do what on a score. Anyone with access sees the list; only the owner changes it. */
@ApiTags('sharing')
@ApiBearerAuth()
@Controller('scores/:scoreId/access')
export class AccessController {
  constructor(private readonly access: AccessService) {}

  @Get()
  @RequireScoreRole('viewer')
  list(@Param('scoreId') scoreId: string) {
    return this.access.list(scoreId);
  }

  @Post('invitations')
  @RequireScoreRole('owner')
  invite(@Param('scoreId') scoreId: string, @CurrentActor() actor: RequestActor, @Body() dto: InviteMemberDto) {
    return this.access.invite(scoreId, actor, dto.email, dto.role);
  }

  @Patch('invitations/:email')
  @RequireScoreRole('owner')
  changeInvitation(@Param('scoreId') scoreId: string, @Param('email') email: string, @CurrentActor() actor: RequestActor, @Body() dto: ChangeRoleDto) {
    return this.access.changeRole(scoreId, actor, { email }, dto.role);
  }

  @Delete('invitations/:email')
  @RequireScoreRole('owner')
  removeInvitation(@Param('scoreId') scoreId: string, @Param('email') email: string, @CurrentActor() actor: RequestActor) {
    return this.access.remove(scoreId, actor, { email });
  }

  @Patch('members/:userId')
  @RequireScoreRole('owner')
  changeMember(@Param('scoreId') scoreId: string, @Param('userId') userId: string, @CurrentActor() actor: RequestActor, @Body() dto: ChangeRoleDto) {
    return this.access.changeRole(scoreId, actor, { userId }, dto.role);
  }

  @Delete('members/:userId')
  @RequireScoreRole('owner')
  removeMember(@Param('scoreId') scoreId: string, @Param('userId') userId: string, @CurrentActor() actor: RequestActor) {
    return this.access.remove(scoreId, actor, { userId });
  }

  @Post('transfer')
  @HttpCode(200)
  @RequireScoreRole('owner')
  transfer(@Param('scoreId') scoreId: string, @CurrentActor() actor: RequestActor, @Body() dto: TransferOwnershipDto) {
    return this.access.transfer(scoreId, actor, dto.userId);
  }

  @Get('share-links')
  @RequireScoreRole('owner')
  listShareLinks(@Param('scoreId') scoreId: string) {
    return this.access.listShareLinks(scoreId);
  }

  @Post('share-links')
  @RequireScoreRole('owner')
  createShareLink(@Param('scoreId') scoreId: string, @CurrentActor() actor: RequestActor, @Body() dto: CreateShareLinkDto) {
    return this.access.createShareLink(scoreId, actor, dto.expiresAt ?? null);
  }

  @Delete('share-links/:linkId')
  @HttpCode(204)
  @RequireScoreRole('owner')
  async revokeShareLink(@Param('scoreId') scoreId: string, @Param('linkId') linkId: string, @CurrentActor() actor: RequestActor): Promise<void> {
    await this.access.revokeShareLink(scoreId, actor, linkId);
  }
}
