import { Module } from '@nestjs/common';
import { CeActivitiesController } from './ce-activities.controller';
import { CeActivitiesRepository } from './ce-activities.repository';
import { CeActivitiesService } from './ce-activities.service';

@Module({
  controllers: [CeActivitiesController],
  providers: [CeActivitiesRepository, CeActivitiesService],
  exports: [CeActivitiesService],
})
export class CeActivitiesModule {}
