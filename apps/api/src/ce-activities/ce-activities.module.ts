import { Module } from '@nestjs/common';
import { CeActivitiesController } from './ce-activities.controller';
import { CeActivitiesService } from './ce-activities.service';

@Module({
  controllers: [CeActivitiesController],
  providers: [CeActivitiesService],
  exports: [CeActivitiesService],
})
export class CeActivitiesModule {}
