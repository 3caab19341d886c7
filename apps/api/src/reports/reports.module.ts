import { Module } from '@nestjs/common';
import { AnalysisModule } from '../readiness/analysis.module';
import { ComplianceReportService } from './compliance-report.service';
import { ReportFactsRepository } from './report-facts.repository';
import { ReportsController } from './reports.controller';

/** `GET /reports/compliance`: the compliance report over the facts and rules the analysis endpoints use. */
@Module({
  imports: [AnalysisModule],
  controllers: [ReportsController],
  providers: [ReportFactsRepository, ComplianceReportService],
})
export class ReportsModule {}
