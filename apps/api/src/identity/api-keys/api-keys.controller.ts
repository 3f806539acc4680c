import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type AuthenticatedRequest } from '../../common/auth/auth.decorators';
import { ApiError } from '../../common/errors/api-error';
import { CreateApiKeyDto } from './api-keys.dto';
import { ApiKeysService } from './api-keys.service';

type RequestActor = NonNullable<AuthenticatedRequest['actor']>;

/** Keys are managed by their user only: an API key cannot mint or revoke keys. */
function userOnly(actor: RequestActor): string {
  if (actor.kind !== 'user') throw new ApiError(403, 'USER_SESSION_REQUIRED', 'API keys are managed with a login session, not with an API key');
  return actor.userId;
}

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  create(@CurrentActor() actor: RequestActor, @Body() dto: CreateApiKeyDto) {
    return this.keys.create(userOnly(actor), dto);
  }

  @Get()
  list(@CurrentActor() actor: RequestActor) {
    return this.keys.list(userOnly(actor));
  }

  @Delete(':keyId')
  @HttpCode(204)
  async revoke(@CurrentActor() actor: RequestActor, @Param('keyId') keyId: string): Promise<void> {
    await this.keys.revoke(userOnly(actor), keyId);
  }
}
