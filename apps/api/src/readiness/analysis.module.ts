import { Module } from '@nestjs/common';
import { AnalysisCache } from './analysis-cache';
import { AnalysisController } from './analysis.controller';
import { AnalysisService } from './analysis.service';
import { FactsRepository } from './facts.repository';
import { RulesPool } from './rules-pool';

@Module({
  controllers: [AnalysisController],
  providers: [FactsRepository, RulesPool, AnalysisCache, AnalysisService],
  exports: [FactsRepository, AnalysisService, AnalysisCache],
})
export class AnalysisModule {}
