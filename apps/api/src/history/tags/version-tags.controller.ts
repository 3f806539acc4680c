import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@bandpro/events';
import type { VersionTag } from '@bandpro/history';
import { CurrentActor, RequireScoreRole } from '../../common/auth/auth.decorators';
import { commandIdFor, requireActor } from '../../common/http/command-context';
import { ScoreIdParams } from '../../scores/score-id.params';
import { RenameTagDto, TagParams, TagVersionDto } from './version-tags.dto';
import { VersionTagsService } from './version-tags.service';

/** Named versions: "Sent to the printer" at version 212. */
@ApiTags('history')
@Controller('scores/:scoreId/versions')
export class VersionTagsController {
  constructor(private readonly tags: VersionTagsService) {}

  @Get()
  @RequireScoreRole('viewer')
  @ApiOperation({ summary: 'The named versions of a score, oldest first' })
  list(@Param() { scoreId }: ScoreIdParams): Promise<VersionTag[]> {
    return this.tags.list(scoreId);
  }

  @Post()
  @RequireScoreRole('editor')
  @ApiOperation({ summary: 'Name a version' })
  async tag(@Param() { scoreId }: ScoreIdParams, @Body() dto: TagVersionDto, @CurrentActor() actor: Actor | undefined, @Headers('idempotency-key') key?: string): Promise<VersionTag | undefined> {
    const who = requireActor(actor);
    const headVersion = await this.tags.headVersion(scoreId);
    return this.tags.execute(scoreId, { type: 'TagVersion', data: { ...dto, headVersion } }, who, commandIdFor(who, key));
  }

  @Patch(':tagId')
  @RequireScoreRole('editor')
  @ApiOperation({ summary: 'Rename a named version' })
  rename(@Param() { scoreId, tagId }: TagParams, @Body() { name }: RenameTagDto, @CurrentActor() actor: Actor | undefined, @Headers('idempotency-key') key?: string): Promise<VersionTag | undefined> {
    const who = requireActor(actor);
    return this.tags.execute(scoreId, { type: 'RenameTag', data: { tagId, name } }, who, commandIdFor(who, key));
  }

  @Delete(':tagId')
  @HttpCode(204)
  @RequireScoreRole('editor')
  @ApiOperation({ summary: 'Remove a name (the version itself stays)' })
  async remove(@Param() { scoreId, tagId }: TagParams, @CurrentActor() actor: Actor | undefined, @Headers('idempotency-key') key?: string): Promise<void> {
    const who = requireActor(actor);
    await this.tags.execute(scoreId, { type: 'RemoveTag', data: { tagId } }, who, commandIdFor(who, key));
  }
}
