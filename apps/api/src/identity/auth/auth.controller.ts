import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, type AuthenticatedRequest } from '../../common/auth/auth.decorators';
import { SessionService } from '../session.service';
import { ApiError } from '../../common/errors/api-error';
import { ChangePasswordDto, LoginDto, RefreshDto, RegisterDto } from './auth.dto';
import { AuthService } from './auth.service';

type RequestActor = NonNullable<AuthenticatedRequest['actor']>;

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {}

  @Public()
  @Post('register')
  register(@Body() dto: RegisterDto) {
    return this.auth.register(dto);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() dto: RefreshDto) {
    return this.sessions.rotate(dto.refreshToken, new Date());
  }

  /** Public: the refresh token itself proves the right to end its session, even once the access token expired. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.sessions.revoke(dto.refreshToken, new Date());
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
