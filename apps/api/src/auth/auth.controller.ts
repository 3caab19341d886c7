import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { AuthConfiguration, AuthUser, LoginResponse, LogoutResponse } from '@him/contracts';
import type { Request } from 'express';
import { Public } from './has-permission.decorator';
import { LoginDto, PasswordResetCompleteDto, PasswordResetDto } from './auth.dto';
import { AuthService } from './auth.service';
import { PasswordResetService } from './password-reset.service';
import { LOGIN_ATTEMPT_KEYS, LoginThrottlerGuard } from './login-throttle';
import { CurrentSessionId, CurrentUser, type RequestUser } from './request-user';
import { clientInfo } from './sessions';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly resets: PasswordResetService,
  ) {}

  /** How people sign in here, for the sign-in page (before anyone has signed in). */
  @Get('config')
  @Public()
  configuration(): Promise<AuthConfiguration> {
    return this.auth.configuration(this.resets.enabled);
  }

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
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({
    description:
      "signed out: the token no longer works; endSessionUrl is the identity provider's sign-out to open next, for a single sign-on session",
  })
  logout(
    @CurrentUser() user: RequestUser,
    @CurrentSessionId() sessionId: string,
  ): Promise<LogoutResponse> {
    return this.auth.logout(user, sessionId);
  }

  /** "Forgot password?": a one-time link by e-mail. The answer is the same whether or not the address has an account. */
  @Post('password-reset')
  @HttpCode(202)
  @Public()
  @ApiAcceptedResponse({ description: 'a link is on its way if the address has an account' })
  @ApiTooManyRequestsResponse({ description: 'too many asks from this address' })
  async requestPasswordReset(
    @Body() dto: PasswordResetDto,
    @Req() req: Request,
  ): Promise<{ message: string }> {
    await this.resets.request(dto.email, clientInfo(req));
    return {
      message:
        'If an account has this address, an e-mail with a link to choose a new password is on its way. The link works once, for 30 minutes.',
    };
  }

  /** Sets a new password with the link's token; every earlier session of the account ends. */
  @Post('password-reset/complete')
  @HttpCode(204)
  @Public()
  @ApiNoContentResponse({ description: 'the password is set; sign in with it' })
  completePasswordReset(@Body() dto: PasswordResetCompleteDto, @Req() req: Request): Promise<void> {
    return this.resets.complete(dto.token, dto.password, clientInfo(req));
  }

  /** Who the token belongs to (the dashboard uses it to restore a session). */
  @Get('me')
  @ApiBearerAuth()
  me(@CurrentUser() user: RequestUser): AuthUser {
    return user;
  }
}
