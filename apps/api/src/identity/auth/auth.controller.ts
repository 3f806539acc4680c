import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest as Request } from 'fastify';
import { Audit, noteAudit } from '../../audit/audit.decorator';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, type AuthenticatedRequest } from '../../common/auth/auth.decorators';
import { SessionService } from '../session.service';
import { ApiError } from '../../common/errors/api-error';
import { ChangePasswordDto, LoginDto, RefreshDto, RegisterDto } from './auth.dto';
import { AuthService } from './auth.service';
import { AccountStore } from '../account.store';

type RequestActor = NonNullable<AuthenticatedRequest['actor']>;

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly accounts: AccountStore,
  ) {}

  @Public()
  @Post('register')
  async register(@Body() dto: RegisterDto, @Req() request: Request) {
    // Refused (the email taken), the record names no actor: the email's subject seals its client address.
    noteAudit(request, { details: { emailSubject: await this.accounts.emailSubject(dto.email) } });
    const registered = await this.auth.register(dto);
    noteAudit(request, { actor: { id: registered.userId, kind: 'user' } });
    return registered;
  }

  /**
   * Audited either way; a failure names no actor, only the subject of the email tried (a keyed pseudonym, never
   * the email or the password), so the client address of the attempt is sealed with that email's key.
   */
  @Public()
  @Post('login')
  @HttpCode(200)
  @Audit('auth.login', { onFailure: 'auth.login_failed' })
  async login(@Body() dto: LoginDto, @Req() request: Request) {
    noteAudit(request, { details: { emailSubject: await this.accounts.emailSubject(dto.email) } });
    const { userId, tokens } = await this.auth.login(dto);
    noteAudit(request, { actor: { id: userId, kind: 'user' } });
    return tokens;
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  async refresh(@Body() dto: RefreshDto, @Req() request: Request) {
    const tokens = await this.sessions.rotate(dto.refreshToken, new Date());
    // Named in the audit record, so the client address is sealed with this person's key (contract G9).
    noteAudit(request, { actor: { id: this.sessions.userOf(tokens.accessToken), kind: 'user' } });
    return tokens;
  }

  /** Public: the refresh token itself proves the right to end its session, even once the access token expired. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Body() dto: RefreshDto, @Req() request: Request): Promise<void> {
    const userId = await this.sessions.revoke(dto.refreshToken, new Date());
    noteAudit(request, { actor: { id: userId, kind: 'user' } });
  }

  @ApiBearerAuth()
  @Post('password')
  @HttpCode(204)
  async changePassword(@CurrentActor() actor: RequestActor, @Body() dto: ChangePasswordDto): Promise<void> {
    if (actor.kind !== 'user') throw new ApiError(403, 'USER_SESSION_REQUIRED', 'A password is changed with a login session, not with an API key');
    await this.auth.changePassword(actor.userId, dto);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentActor() actor: RequestActor) {
    return this.auth.me(actor.userId);
  }
}
