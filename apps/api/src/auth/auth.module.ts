import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ENV, type Env } from '../config/env';
import { AccessPolicy } from './access-policy';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthHousekeeping } from './auth-housekeeping';
import { AuthService } from './auth.service';
import { OidcClient } from './oidc/oidc-client';
import { SsoService } from './oidc/sso.service';
import { AUTH_CLOCK, PasswordResetService } from './password-reset.service';
import { SsoController } from './sso.controller';
import { loginThrottlers } from './login-throttle';
import { PostgresThrottlerStorage } from './rate-limit.storage';
import { SessionStore } from './sessions';
import { SignInLog } from './sign-in-log';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [
    JwtModule.register({}),
    // Only the sign-in route uses its guard (LoginThrottlerGuard); the counters live in PostgreSQL.
    ThrottlerModule.forRootAsync({
      inject: [ENV, getDataSourceToken()],
      useFactory: (env: Env, dataSource: DataSource) => ({
        throttlers: loginThrottlers(env),
        storage: new PostgresThrottlerStorage(dataSource),
      }),
    }),
  ],
  controllers: [AuthController, SsoController],
  providers: [
    TokenService,
    AuthService,
    AccessPolicy,
    SessionStore,
    SignInLog,
    AuthHousekeeping,
    OidcClient,
    SsoService,
    PasswordResetService,
    // a fresh object per application, so that a test may move its time
    { provide: AUTH_CLOCK, useFactory: () => ({ now: () => new Date() }) },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService, AccessPolicy, SessionStore, OidcClient],
})
export class AuthModule {}
