import { Module } from '@nestjs/common';
import { AnalysisCache } from './analysis-cache';
import { AnalysisController } from './analysis.controller';
import { AnalysisService } from './analysis.service';
import { DeadlinesController } from './deadlines';
import { FactsRepository } from './facts.repository';
import { RulesPool } from './rules-pool';
import { TrainingGapsController, TrainingGapsService } from './training-gaps';

@Module({
  controllers: [AnalysisController, TrainingGapsController, DeadlinesController],
  providers: [FactsRepository, RulesPool, AnalysisCache, AnalysisService, TrainingGapsService],
  exports: [FactsRepository, AnalysisService, AnalysisCache],
})
export class AnalysisModule {}
