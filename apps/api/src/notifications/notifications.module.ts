import { Module } from '@nestjs/common';
import { AnalysisModule } from '../readiness/analysis.module';
import { CLOCK, SYSTEM_CLOCK } from './clock';
import { DeliveriesService } from './deliveries.service';
import { NoticeWriter } from './notice-writer';
import {
  NotificationsController,
  RemindersController,
  WebhooksController,
} from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { ReminderScheduler } from './reminder-scheduler';
import { RejectionNotices } from './rejection-notices';
import { RemindersService } from './reminders.service';

/** Reminders, notices, e-mail and webhook deliveries, the weekly digest (docs/reminders.md). */
@Module({
  imports: [AnalysisModule],
  controllers: [NotificationsController, RemindersController, WebhooksController],
  providers: [
    { provide: CLOCK, useValue: SYSTEM_CLOCK },
    NotificationsRepository,
    NoticeWriter,
    NotificationsService,
    RemindersService,
    DeliveriesService,
    ReminderScheduler,
    RejectionNotices,
  ],
  exports: [RejectionNotices],
})
export class NotificationsModule {}
