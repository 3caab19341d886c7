import { Module } from '@nestjs/common';
import { AnalysisCache } from './analysis-cache';
import { AnalysisController } from './analysis.controller';
import { AnalysisService } from './analysis.service';
import { DeadlinesController } from './deadlines';
import { FactsRepository } from './facts.repository';
import { RulesPool } from './rules-pool';
import { ReadinessSnapshots, ReadinessSnapshotsController } from './snapshots';
import { TrainingGapsController, TrainingGapsService } from './training-gaps';

@Module({
  controllers: [
    ReadinessSnapshotsController,
    AnalysisController,
    TrainingGapsController,
    DeadlinesController,
  ],
  providers: [
    FactsRepository,
    RulesPool,
    AnalysisCache,
    AnalysisService,
    TrainingGapsService,
    ReadinessSnapshots,
  ],
  exports: [FactsRepository, AnalysisService, AnalysisCache, ReadinessSnapshots],
})
export class AnalysisModule {}
