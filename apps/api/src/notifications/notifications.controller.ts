import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  CreatedWebhook,
  FailingAddress,
  NoticeLogEntry,
  NoticePage,
  NotificationPreferences,
  Page,
  ReadAllResponse,
  ReminderSettings,
  RunRemindersResponse,
  UnreadCount,
  Webhook,
} from '@him/contracts';
import { HasPermission } from '../auth/has-permission.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { uuidParam } from '../common/uuid.pipe';
import {
  CreateWebhookDto,
  NoticeLogQueryDto,
  NoticesQuery,
  RunRemindersDto,
  UpdatePreferencesDto,
  UpdateReminderSettingsDto,
  UpdateWebhookDto,
} from './notifications.dto';
import { NotificationsService } from './notifications.service';
import { RemindersService } from './reminders.service';

/** Every signed-in account reads its own notices; admins see every notice sent. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: "The caller's notices, newest first, with the unread count" })
  list(@CurrentUser() user: RequestUser, @Query() query: NoticesQuery): Promise<NoticePage> {
    return this.notifications.notices(user, query);
  }

  @Get('unread-count')
  @ApiOperation({ summary: "The caller's unread notices (the bell)" })
  unread(@CurrentUser() user: RequestUser): Promise<UnreadCount> {
    return this.notifications.unread(user);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: "Marks all the caller's notices read" })
  readAll(@CurrentUser() user: RequestUser): Promise<ReadAllResponse> {
    return this.notifications.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: "Marks one of the caller's notices read; answers the unread count" })
  read(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<UnreadCount> {
    return this.notifications.markRead(user, id);
  }

  @Get('preferences')
  @ApiOperation({ summary: 'The kinds the caller does not want by e-mail' })
  preferences(@CurrentUser() user: RequestUser): Promise<NotificationPreferences> {
    return this.notifications.preferences(user);
  }

  @Patch('preferences')
  @ApiOperation({ summary: 'Opt out of e-mail per kind (the in-app notice stays, of a lapse too)' })
  savePreferences(
    @CurrentUser() user: RequestUser,
    @Body() dto: UpdatePreferencesDto,
  ): Promise<NotificationPreferences> {
    return this.notifications.savePreferences(user, dto);
  }

  @Get('log')
  @HasPermission(PERMISSIONS.remindersManage)
  @ApiOperation({ summary: 'Every notice sent: to whom, what, when, channel, result, attempts' })
  log(
    @CurrentUser() user: RequestUser,
    @Query() query: NoticeLogQueryDto,
  ): Promise<Page<NoticeLogEntry>> {
    return this.notifications.log(user, query);
  }

  @Get('failing-addresses')
  @HasPermission(PERMISSIONS.remindersManage)
  @ApiOperation({ summary: 'E-mail addresses and webhook endpoints that fail permanently' })
  failing(@CurrentUser() user: RequestUser): Promise<FailingAddress[]> {
    return this.notifications.failing(user);
  }

  @Delete('failing-addresses/:id')
  @HasPermission(PERMISSIONS.remindersManage)
  @ApiOperation({
    summary: 'Clears a failing mark (the address was fixed): deliveries to it go again',
  })
  clearFailing(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<FailingAddress> {
    return this.notifications.clearFailing(user, id);
  }
}

/** The department's reminder settings and the operator's replay of a day. */
@ApiTags('reminders')
@ApiBearerAuth()
@Controller('reminders')
export class RemindersController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly reminders: RemindersService,
  ) {}

  @Get('settings')
  @HasPermission(PERMISSIONS.remindersManage)
  @ApiOperation({
    summary: 'Lead times, kinds on or off, per-credential-type lead times, the weekly digest',
  })
  settings(@CurrentUser() user: RequestUser): Promise<ReminderSettings> {
    return this.notifications.settings(user);
  }

  @Patch('settings')
  @HasPermission(PERMISSIONS.remindersManage)
  updateSettings(
    @CurrentUser() user: RequestUser,
    @Body() dto: UpdateReminderSettingsDto,
  ): Promise<ReminderSettings> {
    return this.notifications.updateSettings(user, dto);
  }

  @Post('run')
  @HttpCode(200)
  @HasPermission(PERMISSIONS.remindersManage)
  @ApiOperation({
    summary:
      'Runs what the scheduler runs for a day, as of that day; answers what it claimed and sent. A second call for the same day sends nothing new',
  })
  run(
    @CurrentUser() user: RequestUser,
    @Body() dto: RunRemindersDto,
  ): Promise<RunRemindersResponse> {
    return this.reminders.run(user.departmentId, dto.date);
  }
}

/** Webhook endpoints an admin registers per event kind. */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @HasPermission(PERMISSIONS.remindersManage)
  list(@CurrentUser() user: RequestUser): Promise<Webhook[]> {
    return this.notifications.webhooks(user);
  }

  @Post()
  @HasPermission(PERMISSIONS.remindersManage)
  @ApiOperation({
    summary: 'Registers an HTTPS endpoint; its signing secret is in this answer only',
  })
  create(@CurrentUser() user: RequestUser, @Body() dto: CreateWebhookDto): Promise<CreatedWebhook> {
    return this.notifications.createWebhook(user, dto);
  }

  @Patch(':id')
  @HasPermission(PERMISSIONS.remindersManage)
  update(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UpdateWebhookDto,
  ): Promise<Webhook> {
    return this.notifications.updateWebhook(user, id, dto);
  }

  @Delete(':id')
  @HasPermission(PERMISSIONS.remindersManage)
  remove(@CurrentUser() user: RequestUser, @Param('id', uuidParam()) id: string): Promise<Webhook> {
    return this.notifications.deleteWebhook(user, id);
  }
}
