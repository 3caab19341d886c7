import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { AuthUser, LoginResponse } from '@him/contracts';
import type { Request } from 'express';
import { Public } from './has-permission.decorator';
import { LoginDto } from './auth.dto';
import { AuthService } from './auth.service';
import { LOGIN_ATTEMPT_KEYS, LoginThrottlerGuard } from './login-throttle';
import { CurrentSessionId, CurrentUser, type RequestUser } from './request-user';
import { clientInfo } from './sessions';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @ApiTooManyRequestsResponse({
    description:
      'too many failed sign-ins to this account or from this address; Retry-After says when to try again',
  })
  login(@Body() dto: LoginDto, @Req() req: Request): Promise<LoginResponse> {
    const attempts = (req as unknown as Record<symbol, string[] | undefined>)[LOGIN_ATTEMPT_KEYS];
    return this.auth.login(dto.email, dto.password, clientInfo(req), attempts);
  }

  /** Ends the session of the token it is called with; that token answers 401 from then on. */
  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'signed out: the token no longer works' })
  logout(@CurrentUser() user: RequestUser, @CurrentSessionId() sessionId: string): Promise<void> {
    return this.auth.logout(user, sessionId);
  }

  /** Who the token belongs to (the dashboard uses it to restore a session). */
  @Get('me')
  @ApiBearerAuth()
  me(@CurrentUser() user: RequestUser): AuthUser {
    return user;
  }
}
