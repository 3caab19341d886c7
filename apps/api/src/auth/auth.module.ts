import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AccessPolicy } from './access-policy';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [JwtModule.register({})],
  controllers: [AuthController],
  providers: [TokenService, AuthService, AccessPolicy, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService, AccessPolicy],
})
export class AuthModule {}
