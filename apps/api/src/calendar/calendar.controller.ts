import { Body, Controller, Delete, Get, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { CalendarToken, CreatedCalendarToken, Page } from '@him/contracts';
import type { Response } from 'express';
import { Public } from '../auth/has-permission.decorator';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { notFound } from '../common/errors';
import { PageQuery } from '../common/pagination';
import { uuidParam } from '../common/uuid.pipe';
import { CalendarFeedService } from './calendar-feed.service';
import { CreateCalendarTokenDto } from './calendar-token.dto';
import { CalendarTokensService } from './calendar-tokens.service';

/** Every signed-in user manages their own feed tokens; an admin may revoke any of the department. */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar-tokens')
export class CalendarTokensController {
  constructor(private readonly tokens: CalendarTokensService) {}

  @Get()
  @ApiOperation({ summary: "The caller's calendar feed tokens, newest first (never the secret)" })
  list(@CurrentUser() user: RequestUser, @Query() page: PageQuery): Promise<Page<CalendarToken>> {
    return this.tokens.list(user, page);
  }

  @Post()
  @ApiOperation({
    summary:
      "Create a calendar feed token; the secret and the feed URL are in this answer only. 'teams': managers and admins",
  })
  @ApiCreatedResponse({ description: '{...token, token, feedUrl}' })
  create(
    @CurrentUser() user: RequestUser,
    @Body() dto: CreateCalendarTokenDto,
  ): Promise<CreatedCalendarToken> {
    return this.tokens.create(user, dto);
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Revoke a feed token (its feed answers 404 from now on); revoking twice answers 409',
  })
  @ApiOkResponse({ description: 'the revoked token' })
  revoke(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<CalendarToken> {
    return this.tokens.revoke(user, id);
  }
}

/** The feed itself: no bearer token, the secret in the path is the credential. */
@ApiTags('calendar')
@Controller('calendar')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get(':token.ics')
  @Public()
  @ApiProduces('text/calendar')
  @ApiOperation({
    summary:
      'iCalendar (RFC 5545) feed of credential expiries and CE cycle ends, with reminders at the department lead times',
  })
  @ApiNotFoundResponse({ description: 'unknown or revoked token' })
  async feed(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const feed = await this.feeds.feed(token);
    if (!feed) throw notFound('calendar feed');
    res.set({
      'Content-Type': 'text/calendar; charset=utf-8',
      'Cache-Control': 'private, max-age=900',
      'Content-Disposition': 'inline; filename="him-readiness.ics"',
      'X-Content-Type-Options': 'nosniff',
      ETag: feed.etag,
    });
    // Express answers 304 Not Modified when If-None-Match carries this ETag.
    res.status(200).send(feed.body);
  }
}
