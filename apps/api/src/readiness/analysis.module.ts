import { Module } from '@nestjs/common';
import { AnalysisController } from './analysis.controller';
import { AnalysisService } from './analysis.service';
import { FactsRepository } from './facts.repository';

@Module({
  controllers: [AnalysisController],
  providers: [FactsRepository, AnalysisService],
  exports: [FactsRepository, AnalysisService],
})
export class AnalysisModule {}
