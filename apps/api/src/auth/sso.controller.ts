import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { SingleSignOnResponse } from '@him/contracts';
import type { Request, Response } from 'express';
import { ENV, type Env } from '../config/env';
import { SingleSignOnCompleteDto, SingleSignOnStartQuery } from './auth.dto';
import { Public } from './has-permission.decorator';
import { SIGN_IN_COOKIE, SIGN_IN_COOKIE_PATH, SsoService } from './oidc/sso.service';
import { clientInfo } from './sessions';

/** The value of one cookie of the request (no cookie parser is installed for the whole API). */
function cookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** Sign-in through the identity provider (OpenID Connect); see docs/single-sign-on.md. */
@ApiTags('auth')
@Controller('auth/oidc')
export class SsoController {
  constructor(
    private readonly sso: SsoService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /** Sends the browser to the provider's sign-in page. */
  @Get('start')
  @Public()
  @ApiFoundResponse({ description: "redirect to the identity provider's authorization endpoint" })
  @ApiNotFoundResponse({ description: 'single sign-on is not configured' })
  async start(@Query() query: SingleSignOnStartQuery, @Res() res: Response): Promise<void> {
    const { redirect, binding } = await this.sso.start(query.returnTo);
    if (binding === null) {
      res.redirect(302, redirect);
      return;
    }
    res.cookie(SIGN_IN_COOKIE, binding, {
      httpOnly: true,
      // Lax: the provider's redirect back is a top-level GET, which carries it.
      sameSite: 'lax',
      secure: this.env.PUBLIC_URL.startsWith('https:'),
      path: SIGN_IN_COOKIE_PATH,
      maxAge: 10 * 60 * 1000,
    });
    res.redirect(302, redirect);
  }

  /** Where the provider sends the browser back (the redirect URI to register at the provider). */
  @Get('callback')
  @Public()
  @ApiFoundResponse({
    description:
      'redirect to the sign-in page with a one-time ticket (ssoTicket) or the reason of a refusal (ssoError)',
  })
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const at = req.originalUrl.indexOf('?');
    const query = at < 0 ? '' : req.originalUrl.slice(at);
    const target = await this.sso.finish(query, cookie(req, SIGN_IN_COOKIE), clientInfo(req));
    res.clearCookie(SIGN_IN_COOKIE, { path: SIGN_IN_COOKIE_PATH });
    res.redirect(302, target);
  }

  /** Trades the ticket of the redirect for an access token, once, within a minute. */
  @Post('complete')
  @HttpCode(200)
  @Public()
  complete(@Body() dto: SingleSignOnCompleteDto): Promise<SingleSignOnResponse> {
    return this.sso.complete(dto.ticket);
  }
}
