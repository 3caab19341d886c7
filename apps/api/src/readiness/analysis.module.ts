import { Module } from '@nestjs/common';
import { AnalysisController } from './analysis.controller';
import { AnalysisService } from './analysis.service';
import { FactsRepository } from './facts.repository';
import { TrainingGapsController, TrainingGapsService } from './training-gaps';

@Module({
  controllers: [AnalysisController, TrainingGapsController],
  providers: [FactsRepository, AnalysisService, TrainingGapsService],
  exports: [FactsRepository, AnalysisService],
})
export class AnalysisModule {}
