import { Module } from '@nestjs/common';
import { AnalysisModule } from '../readiness/analysis.module';
import { ComplianceReportService } from './compliance-report.service';
import { ReportFactsRepository } from './report-facts.repository';
import { ReportReadSource } from './report-read-source';
import { ReportsController } from './reports.controller';
import { MemberFileService } from './member-file.service';
import { MemberFilesController } from './member-files.controller';

/**
 * `GET /reports/compliance`: the compliance report over the facts and rules the analysis
 * endpoints use; `GET /staff/:id/file.pdf` and `GET /reports/member-files`: member files.
 */
@Module({
  imports: [AnalysisModule],
  controllers: [ReportsController, MemberFilesController],
  providers: [ReportFactsRepository, ReportReadSource, ComplianceReportService, MemberFileService],
})
export class ReportsModule {}
