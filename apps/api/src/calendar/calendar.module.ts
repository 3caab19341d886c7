import { Module } from '@nestjs/common';
import { AnalysisModule } from '../readiness/analysis.module';
import { CalendarFeedController, CalendarTokensController } from './calendar.controller';
import { CalendarFeedRepository } from './calendar-feed.repository';
import { CalendarFeedService } from './calendar-feed.service';
import { CalendarTokensService } from './calendar-tokens.service';

@Module({
  imports: [AnalysisModule],
  controllers: [CalendarTokensController, CalendarFeedController],
  providers: [CalendarTokensService, CalendarFeedRepository, CalendarFeedService],
})
export class CalendarModule {}
