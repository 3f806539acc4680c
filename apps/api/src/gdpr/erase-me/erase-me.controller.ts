import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audit } from '../../audit/audit.decorator';
import { CurrentActor, type AuthenticatedRequest } from '../../common/auth/auth.decorators';
import { EraseMeDto } from './erase-me.dto';
import { EraseMeService, type ErasureReport } from './erase-me.service';

type RequestActor = NonNullable<AuthenticatedRequest['actor']>;

@ApiTags('gdpr')
@ApiBearerAuth()
@Controller('me')
export class EraseMeController {
  constructor(private readonly eraser: EraseMeService) {}

  @Post('erase')
  @HttpCode(200)
  @Audit('gdpr.erased', { onFailure: 'gdpr.erase_refused' })
  @ApiOperation({ summary: 'Erase my account by crypto-shredding, after deciding for each score I own to transfer or delete it' })
  erase(@CurrentActor() actor: RequestActor, @Body() dto: EraseMeDto): Promise<ErasureReport> {
    return this.eraser.erase(actor, dto);
  }
}
