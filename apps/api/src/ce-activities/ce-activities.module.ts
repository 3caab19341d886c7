import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { CeActivitiesController } from './ce-activities.controller';
import { CeActivitiesRepository } from './ce-activities.repository';
import { CeActivitiesService } from './ce-activities.service';

@Module({
  imports: [NotificationsModule],
  controllers: [CeActivitiesController],
  providers: [CeActivitiesRepository, CeActivitiesService],
  exports: [CeActivitiesService],
})
export class CeActivitiesModule {}
