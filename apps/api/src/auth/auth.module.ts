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
  controllers: [AuthController],
  providers: [
    TokenService,
    AuthService,
    AccessPolicy,
    SessionStore,
    SignInLog,
    AuthHousekeeping,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService, AccessPolicy, SessionStore],
})
export class AuthModule {}
