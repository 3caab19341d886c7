import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import type { CredentialStatus, ReportPaperSize } from '@him/contracts';
import type {
  ComplianceReport,
  ReportCeGroup,
  ReportCredential,
  ReportMember,
  ReportSinglePoint,
  ReportTarget,
  ReportTeam,
} from './compliance-report';
import { hoursInWords, pdfSafeText, percentInWords } from './report-text';
import { ClientGoneError } from './stream-pace';

type Doc = PDFKit.PDFDocument;

const MARGIN = 40;
const FOOTER_GAP = 16;
const CELL_PAD = 3;
const ROWS_BETWEEN_YIELDS = 200;
const TABLE_FONT_SIZE = 7.5;
const BODY_FONT = 'Helvetica';
const BOLD_FONT = 'Helvetica-Bold';

const INK = '#1d1b20';
const MUTED = '#49454f';
const RULE = '#c9c5d0';
const HEADER_FILL = '#ece6f0';
const STRIPE_FILL = '#f7f2fa';
/** Colour only repeats what the words say ("expired"), for a reader who prints in colour. */
const STATUS_COLOURS: Record<CredentialStatus, string> = {
  current: '#1b5e20',
  expiring: '#7a4f00',
  expired: '#b3261e',
  revoked: '#b3261e',
  'not-yet-valid': MUTED,
};

interface PdfColumn<T> {
  header: string;
  /** share of the table's width */
  share: number;
  text: (row: T) => string;
  align?: 'left' | 'right';
  colour?: (row: T) => string | undefined;
}

/** Where content may go on a page: below the header block, above the footer. */
interface PageFrame {
  left: number;
  width: number;
  top: number;
  bottom: number;
}

function headerLines(
  report: ComplianceReport,
): { text: string; font: string; size: number; colour: string }[] {
  const { header } = report;
  return [
    { text: header.departmentName, font: BOLD_FONT, size: 11, colour: INK },
    {
      text: `Compliance report  |  Scope: ${header.scope.label}  |  As of ${header.asOf}`,
      font: BODY_FONT,
      size: 9,
      colour: INK,
    },
    {
      text: `Generated ${header.generatedAt} by ${header.generatedBy}`,
      font: BODY_FONT,
      size: 8,
      colour: MUTED,
    },
  ].map((line) => ({ ...line, text: pdfSafeText(line.text) }));
}

function measureHeader(doc: Doc, report: ComplianceReport, width: number): number {
  let height = 0;
  for (const line of headerLines(report)) {
    doc.font(line.font).fontSize(line.size);
    height += doc.heightOfString(line.text, { width }) + 2;
  }
  return height + 8;
}

/** The header block, drawn on every page once the content is laid out. */
function drawHeader(doc: Doc, report: ComplianceReport, frame: PageFrame): void {
  let y = MARGIN;
  for (const line of headerLines(report)) {
    doc.font(line.font).fontSize(line.size).fillColor(line.colour);
    doc.text(line.text, frame.left, y, { width: frame.width });
    y += doc.heightOfString(line.text, { width: frame.width }) + 2;
  }
  doc
    .moveTo(frame.left, y + 2)
    .lineTo(frame.left + frame.width, y + 2)
    .lineWidth(0.75)
    .strokeColor(RULE)
    .stroke();
}

function drawFooter(
  doc: Doc,
  report: ComplianceReport,
  frame: PageFrame,
  page: number,
  pages: number,
): void {
  // Writing below the bottom margin would make pdfkit start a new page: lift the margin first.
  doc.page.margins.bottom = 0;
  const y = doc.page.height - MARGIN + 4;
  doc.font(BODY_FONT).fontSize(8).fillColor(MUTED);
  doc.text(pdfSafeText(`Compliance report as of ${report.header.asOf}`), frame.left, y, {
    width: frame.width / 2,
    lineBreak: false,
  });
  doc.text(`Page ${page} of ${pages}`, frame.left + frame.width / 2, y, {
    width: frame.width / 2,
    align: 'right',
    lineBreak: false,
  });
}

/** Lays content out page by page; never lets pdfkit break a page by itself. */
class Layout {
  y: number;

  constructor(
    readonly doc: Doc,
    readonly frame: PageFrame,
  ) {
    this.y = frame.top;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.frame.top;
  }

  /** Starts a new page unless `height` fits below the current position. */
  ensureSpace(height: number): void {
    if (this.y + height > this.frame.bottom && this.y > this.frame.top) this.newPage();
  }

  heading(text: string): void {
    this.ensureSpace(80);
    if (this.y > this.frame.top) this.y += 10;
    const safe = pdfSafeText(text);
    this.doc.font(BOLD_FONT).fontSize(12).fillColor(INK);
    this.doc.text(safe, this.frame.left, this.y, { width: this.frame.width });
    this.y += this.doc.heightOfString(safe, { width: this.frame.width }) + 4;
  }

  paragraph(text: string): void {
    const safe = pdfSafeText(text);
    this.doc.font(BODY_FONT).fontSize(9).fillColor(INK);
    const height = this.doc.heightOfString(safe, { width: this.frame.width });
    this.ensureSpace(height + 4);
    this.doc.text(safe, this.frame.left, this.y, { width: this.frame.width });
    this.y += height + 4;
  }

  /**
   * A table whose rows never split: each row's height is measured (heightOfString) before it is
   * drawn; a row that does not fit goes to the next page, under a repeated header row.
   */
  async table<T>(columns: readonly PdfColumn<T>[], rows: Iterable<T>): Promise<void> {
    const { doc, frame } = this;
    const totalShare = columns.reduce((sum, column) => sum + column.share, 0);
    const widths = columns.map((column) => (column.share / totalShare) * frame.width);
    const lefts = widths.map((_, i) => frame.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const headers = columns.map((column) => pdfSafeText(column.header));
    const maxRowHeight = frame.bottom - frame.top - 40;

    const measure = (texts: string[], font: string): number => {
      doc.font(font).fontSize(TABLE_FONT_SIZE);
      let height = 0;
      texts.forEach((text, i) => {
        height = Math.max(
          height,
          doc.heightOfString(text || ' ', { width: widths[i] - 2 * CELL_PAD }),
        );
      });
      return Math.min(maxRowHeight, height + 2 * CELL_PAD);
    };
    const drawRow = (
      texts: string[],
      height: number,
      font: string,
      fill: string | null,
      colours: (string | undefined)[],
    ) => {
      if (fill) doc.rect(frame.left, this.y, frame.width, height).fill(fill);
      doc.font(font).fontSize(TABLE_FONT_SIZE);
      texts.forEach((text, i) => {
        doc.fillColor(colours[i] ?? INK);
        doc.text(text, lefts[i] + CELL_PAD, this.y + CELL_PAD, {
          width: widths[i] - 2 * CELL_PAD,
          height: height - 2 * CELL_PAD,
          ellipsis: true,
          align: columns[i].align ?? 'left',
        });
      });
      doc
        .moveTo(frame.left, this.y + height)
        .lineTo(frame.left + frame.width, this.y + height)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      this.y += height;
    };
    const headerHeight = measure(headers, BOLD_FONT);
    const drawHeaderRow = () => drawRow(headers, headerHeight, BOLD_FONT, HEADER_FILL, []);

    let first = true;
    let index = 0;
    for (const row of rows) {
      const texts = columns.map((column) => pdfSafeText(column.text(row)));
      const height = measure(texts, BODY_FONT);
      if (first) {
        this.ensureSpace(headerHeight + height);
        drawHeaderRow();
        first = false;
      } else if (this.y + height > frame.bottom) {
        this.newPage();
        drawHeaderRow();
      }
      drawRow(
        texts,
        height,
        BODY_FONT,
        index++ % 2 === 1 ? STRIPE_FILL : null,
        columns.map((column) => column.colour?.(row)),
      );
      // Laying out thousands of rows is synchronous work: let other requests in now and then.
      if (index % ROWS_BETWEEN_YIELDS === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        // pipeline destroys the document when the client hangs up: stop laying out then
        if (doc.destroyed) throw new ClientGoneError();
      }
    }
    if (first) {
      this.ensureSpace(headerHeight);
      drawHeaderRow();
    }
    this.y += 8;
  }
}

const ready = (m: ReportMember) =>
  m.readiness === null ? 'not counted (on leave)' : m.readiness.ready ? 'ready' : 'not ready';

function memberCell(m: ReportMember): string {
  return m.employeeId ? `${m.name}\n${m.employeeId}` : m.name;
}

function credentialStatusCell(c: ReportCredential): string {
  const notes: string[] = [];
  if (c.status === 'revoked' && c.revokedOn) notes.push(`on ${c.revokedOn}`);
  if (!c.verified) notes.push('unverified');
  if ((c.status === 'current' || c.status === 'expiring') && !c.countsTowardReadiness)
    notes.push('does not count until verified');
  return [c.statusText, ...notes].join('\n');
}

function verificationCell(c: ReportCredential): string {
  if (!c.verification) return 'unverified';
  const { methodText, verifiedOn, verifiedBy } = c.verification;
  return [
    methodText,
    verifiedOn ? `on ${verifiedOn}` : null,
    verifiedBy ? `by ${verifiedBy}` : null,
  ]
    .filter(Boolean)
    .join('\n');
}

type CredentialRow = { member: ReportMember; credential: ReportCredential | null };
type CeRow = { member: ReportMember; group: ReportCeGroup };

function summaryFigures(report: ComplianceReport): [string, string][] {
  const { summary, header } = report;
  const s = summary.credentialsByStatus;
  const ce = summary.ceGroupsByStatus;
  return [
    ['Staff ready (R8)', `${percentInWords(summary.staffReadyPct)} of active staff`],
    ['Requirements met (R8)', percentInWords(summary.requirementsMetPct)],
    [
      'Coverage targets met',
      summary.targetsMet === null
        ? 'not part of a one-member report'
        : `${summary.targetsMet.met} of ${summary.targetsMet.total}`,
    ],
    ['Active staff', String(summary.activeStaff)],
    ['On leave (listed, not counted)', String(summary.onLeave)],
    [
      'Credentials',
      `${summary.credentials}: ${s.current} current, ${s.expiring} expiring within ${header.expiryWarningDays} days, ${s.expired} expired, ${s.revoked} revoked, ${s['not-yet-valid']} not yet valid`,
    ],
    [
      'Unverified credentials',
      `${summary.unverified}${header.requireVerification ? ' (the department requires verification: they do not count)' : ' (they count, flagged)'}`,
    ],
    [
      'CE groups',
      `${summary.ceGroups}: ${ce.met} met, ${ce['on-track']} on track, ${ce.behind} behind, ${ce['at-risk']} at risk`,
    ],
  ];
}

const TEAM_COLUMNS: PdfColumn<ReportTeam>[] = [
  { header: 'Team', share: 3, text: (t) => t.name },
  { header: 'Active staff', share: 1.2, text: (t) => String(t.activeStaff), align: 'right' },
  {
    header: 'Staff ready',
    share: 1.2,
    text: (t) => percentInWords(t.staffReadyPct),
    align: 'right',
  },
  {
    header: 'Requirements met',
    share: 1.4,
    text: (t) => percentInWords(t.requirementsMetPct),
    align: 'right',
  },
  {
    header: 'Targets met',
    share: 1.2,
    text: (t) => `${t.targetsMet.met} of ${t.targetsMet.total}`,
    align: 'right',
  },
];

const STAFF_COLUMNS: PdfColumn<ReportMember>[] = [
  { header: 'Member', share: 2.4, text: memberCell },
  { header: 'Team', share: 1.8, text: (m) => m.teamName },
  { header: 'Role', share: 2.2, text: (m) => m.roleName },
  { header: 'Status', share: 1, text: (m) => m.statusText },
  {
    header: 'Readiness',
    share: 1.3,
    text: ready,
    colour: (m) => (m.readiness && !m.readiness.ready ? STATUS_COLOURS.expired : undefined),
  },
  {
    header: 'Met',
    share: 0.8,
    text: (m) => (m.readiness ? `${m.readiness.met} of ${m.readiness.total}` : '-'),
    align: 'right',
  },
  {
    header: 'Missing requirements',
    share: 3.5,
    text: (m) => m.readiness?.missing.join('\n') ?? '',
  },
];

const CREDENTIAL_COLUMNS: PdfColumn<CredentialRow>[] = [
  { header: 'Member', share: 2.2, text: (r) => memberCell(r.member) },
  {
    header: 'Credential',
    share: 2.6,
    text: (r) => (r.credential ? `${r.credential.code}\n${r.credential.name}` : 'none on record'),
  },
  { header: 'Number', share: 1.4, text: (r) => r.credential?.number ?? '' },
  {
    header: 'Status on date',
    share: 1.8,
    text: (r) => (r.credential ? credentialStatusCell(r.credential) : ''),
    colour: (r) => (r.credential ? STATUS_COLOURS[r.credential.status] : undefined),
  },
  { header: 'Issued', share: 1.25, text: (r) => r.credential?.issuedOn ?? '' },
  {
    header: 'Expires',
    share: 1.25,
    text: (r) => (r.credential ? (r.credential.expiresOn ?? 'does not expire') : ''),
  },
  {
    header: 'Verification',
    share: 2.9,
    text: (r) => (r.credential ? verificationCell(r.credential) : ''),
  },
];

const CE_COLUMNS: PdfColumn<CeRow>[] = [
  { header: 'Member', share: 1.9, text: (r) => r.member.name },
  {
    header: 'Body / credentials',
    share: 1.3,
    text: (r) => `${r.group.issuingBody}\n${r.group.credentialCodes.join(', ')}`,
  },
  { header: 'Cycle', share: 1.4, text: (r) => `${r.group.cycleStart}\nto ${r.group.cycleEnd}` },
  { header: 'Required', share: 1.15, text: (r) => hoursInWords(r.group.required), align: 'right' },
  { header: 'Earned', share: 1, text: (r) => hoursInWords(r.group.earned), align: 'right' },
  { header: 'Pending', share: 1, text: (r) => hoursInWords(r.group.pending), align: 'right' },
  { header: 'Remaining', share: 1.2, text: (r) => hoursInWords(r.group.remaining), align: 'right' },
  { header: 'Pace', share: 0.85, text: (r) => hoursInWords(r.group.pace), align: 'right' },
  {
    header: 'Status',
    share: 1,
    text: (r) => r.group.statusText,
    colour: (r) =>
      r.group.status === 'behind' || r.group.status === 'at-risk'
        ? STATUS_COLOURS.expired
        : undefined,
  },
  {
    header: 'Minimums',
    share: 2.6,
    text: (r) =>
      r.group.minimums
        .map(
          (m) =>
            `${m.categories.join(' or ')}: ${hoursInWords(m.earnedHours)} of ${hoursInWords(m.requiredHours)} h, ${m.met ? 'met' : 'not met'}`,
        )
        .join('\n'),
  },
];

const GAP_COLUMNS: PdfColumn<ReportTarget>[] = [
  { header: 'Team', share: 2, text: (t) => t.teamName },
  { header: 'Requirement', share: 4, text: (t) => t.requirement },
  { header: 'Needs', share: 1, text: (t) => String(t.minHolders), align: 'right' },
  { header: 'Holders', share: 1, text: (t) => String(t.holders), align: 'right' },
  {
    header: 'Gap',
    share: 1,
    text: (t) => String(t.gap),
    align: 'right',
    colour: () => STATUS_COLOURS.expired,
  },
];

const SPOF_COLUMNS: PdfColumn<ReportSinglePoint>[] = [
  { header: 'Team', share: 2, text: (s) => s.teamName },
  { header: 'Requirement', share: 4, text: (s) => s.requirement },
  { header: 'Only holder', share: 3, text: (s) => s.staffName },
];

/**
 * The printable report: the header block (department, scope, as-of, generated at and by) on every
 * page and "Page n of m" in the footer (pages are buffered so the count is known), then summary
 * figures, staff readiness, credentials, CE status, and coverage gaps with single points of
 * failure. Standard Helvetica, so every text is narrowed to what it can draw (pdfSafeText).
 */
export async function renderPdf(
  report: ComplianceReport,
  out: Writable,
  paper: ReportPaperSize = 'letter',
): Promise<void> {
  const doc = new PDFDocument({
    size: paper === 'a4' ? 'A4' : 'LETTER',
    margin: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: `Compliance report as of ${report.header.asOf}`,
      Author: report.header.generatedBy,
      Subject: `${report.header.departmentName}: ${report.header.scope.label}`,
      Creator: 'HIM Readiness',
    },
  });
  const writing = pipeline(doc, out);
  // awaited below; until then a client hanging up must not count as an unhandled rejection
  writing.catch(() => undefined);
  try {
    const width = doc.page.width - 2 * MARGIN;
    const headerHeight = measureHeader(doc, report, width);
    const frame: PageFrame = {
      left: MARGIN,
      width,
      top: MARGIN + headerHeight + 6,
      bottom: doc.page.height - MARGIN - FOOTER_GAP,
    };
    const layout = new Layout(doc, frame);

    layout.heading('Summary figures');
    await layout.table<[string, string]>(
      [
        { header: 'Figure', share: 1, text: (r) => r[0] },
        { header: 'Value', share: 2.2, text: (r) => r[1] },
      ],
      summaryFigures(report),
    );
    if (report.coverage && report.coverage.teams.length > 0) {
      await layout.table(TEAM_COLUMNS, report.coverage.teams);
    }

    layout.heading('Staff readiness');
    if (report.members.length === 0)
      layout.paragraph('No active or on-leave members in this scope.');
    else await layout.table(STAFF_COLUMNS, report.members);

    layout.heading('Credentials');
    layout.paragraph(
      `Status on ${report.header.asOf}. "Expiring" means current and expiring within ${report.header.expiryWarningDays} days (R10).`,
    );
    await layout.table(CREDENTIAL_COLUMNS, credentialRows(report));

    layout.heading('CE status');
    if (!report.members.some((m) => m.ceGroups.length > 0)) {
      layout.paragraph('No CE groups: no member in scope holds a current credential that owes CE.');
    } else {
      await layout.table(CE_COLUMNS, ceRows(report));
    }

    layout.heading('Coverage gaps and single points of failure');
    const coverage = report.coverage;
    if (coverage === null) {
      layout.paragraph('Coverage is a team figure (R7); a one-member report does not carry it.');
    } else {
      const gaps = coverage.targets.filter((target) => target.gap > 0);
      layout.paragraph(
        `${coverage.targets.length - gaps.length} of ${coverage.targets.length} coverage targets met.`,
      );
      if (gaps.length > 0) await layout.table(GAP_COLUMNS, gaps);
      if (coverage.singlePointsOfFailure.length === 0) {
        layout.paragraph('No single points of failure.');
      } else {
        layout.paragraph(
          'Single points of failure: requirements exactly one active member of the team meets.',
        );
        await layout.table(SPOF_COLUMNS, coverage.singlePointsOfFailure);
      }
    }

    const pages = doc.bufferedPageRange();
    for (let i = 0; i < pages.count; i++) {
      doc.switchToPage(pages.start + i);
      drawHeader(doc, report, frame);
      drawFooter(doc, report, frame, i + 1, pages.count);
    }
    doc.end();
  } catch (error) {
    doc.destroy(error as Error);
  }
  await writing;
}

function* credentialRows(report: ComplianceReport): Iterable<CredentialRow> {
  for (const member of report.members) {
    if (member.credentials.length === 0) yield { member, credential: null };
    for (const credential of member.credentials) yield { member, credential };
  }
}

function* ceRows(report: ComplianceReport): Iterable<CeRow> {
  for (const member of report.members) for (const group of member.ceGroups) yield { member, group };
}
