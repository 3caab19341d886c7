import { Module } from '@nestjs/common';
import { AnalysisController } from './analysis.controller';
import { AnalysisService } from './analysis.service';
import { DeadlinesController, DeadlinesService } from './deadlines';
import { FactsRepository } from './facts.repository';
import { TrainingGapsController, TrainingGapsService } from './training-gaps';

@Module({
  controllers: [AnalysisController, TrainingGapsController, DeadlinesController],
  providers: [FactsRepository, AnalysisService, TrainingGapsService, DeadlinesService],
  exports: [FactsRepository, AnalysisService],
})
export class AnalysisModule {}
