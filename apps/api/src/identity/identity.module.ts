import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import type { ApiConfig } from '../config/api.config';
import { API_CONFIG } from '../infrastructure/tokens';
import { AccountStore } from './account.store';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { AuthenticationGuard } from './auth/authentication.guard';
import { Authenticator } from './auth/authenticator';
import { JwtStrategy } from './auth/jwt.strategy';
import { IDENTITY_CONFIG, loadIdentityConfig, type IdentityConfig } from './identity.config';
import { PasswordHasher } from './password-hasher';
import { SessionService } from './session.service';

/** Accounts, sessions and API keys; registers the global authentication guard. Needs InfrastructureModule. */
@Module({
  imports: [PassportModule],
  controllers: [AuthController, ApiKeysController],
  providers: [
    { provide: IDENTITY_CONFIG, inject: [API_CONFIG], useFactory: (api: ApiConfig) => loadIdentityConfig(process.env, api.jwtSecret) },
    {
      provide: JwtService,
      inject: [IDENTITY_CONFIG],
      useFactory: (config: IdentityConfig) =>
        new JwtService({ secret: config.jwtSecret, signOptions: { algorithm: 'HS256', expiresIn: config.accessTtlSeconds }, verifyOptions: { algorithms: ['HS256'] } }),
    },
    AccountStore,
    PasswordHasher,
    SessionService,
    AuthService,
    ApiKeysService,
    JwtStrategy,
    Authenticator,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
  ],
  exports: [AccountStore, Authenticator, PasswordHasher, SessionService],
})
export class IdentityModule {}
