import type { Writable } from 'node:stream';
import type { ReportFormat, ReportPaperSize } from '@him/contracts';
import type { ComplianceReport } from './compliance-report';
import type { ComplianceReportStream, WholeReportStream } from './compliance-report.service';
import { renderCsv } from './render-csv';
import { renderPdf } from './render-pdf';
import { renderXlsx } from './render-xlsx';
import { ClientGoneError } from './stream-pace';

export const REPORT_FILE_TYPES: Record<ReportFormat, { contentType: string; extension: string }> = {
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
  },
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
};

/**
 * Writes the report in one format into `out` (the response), ending it: the CSV from a stream of
 * member batches, the XLSX from the whole scope's figures and its members batch by batch, the PDF
 * from the whole report.
 */
export async function renderReport(
  report:
    | { format: 'csv'; stream: ComplianceReportStream }
    | { format: 'xlsx'; stream: WholeReportStream }
    | { format: 'pdf'; report: ComplianceReport },
  out: Writable,
  paper: ReportPaperSize,
): Promise<void> {
  try {
    if (report.format === 'csv') await renderCsv(report.stream.header, report.stream.batches, out);
    else if (report.format === 'xlsx') await renderXlsx(report.stream, out);
    else await renderPdf(report.report, out, paper);
  } catch (error) {
    // a client that hangs up mid-download is not a server error
    if (
      error instanceof ClientGoneError ||
      (error as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE'
    )
      return;
    throw error;
  }
}
