import type { Writable } from 'node:stream';
import type { CredentialStatus, ReportPaperSize } from '@him/contracts';
import type {
  ComplianceReport,
  ReportCeGroup,
  ReportCredential,
  ReportMember,
  ReportSinglePoint,
  ReportSkillEvidence,
  ReportTarget,
  ReportTeam,
} from './compliance-report';
import {
  BODY_FONT,
  BOLD_FONT,
  INK,
  MUTED,
  writePdf,
  type PdfColumn,
  type PdfHeaderLine,
  type PdfLayout,
} from './pdf-layout';
import { sentenceCase } from '@him/domain';
import { hoursInWords, percentInWords } from './report-text';

/** Colour only repeats what the words say ("expired"), for a reader who prints in colour. */
const STATUS_COLOURS: Record<CredentialStatus, string> = {
  current: '#1b5e20',
  expiring: '#7a4f00',
  expired: '#b3261e',
  revoked: '#b3261e',
  'not-yet-valid': MUTED,
};

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

/** Primary-source verification as Joint Commission asks for it: how, when, by whom, the source. */
export function verificationCell(c: ReportCredential): string {
  if (!c.verification) return 'unverified';
  const { methodText, verifiedOn, verifiedBy, reference } = c.verification;
  return [
    sentenceCase(methodText),
    verifiedOn ? `on ${verifiedOn}` : null,
    `by ${verifiedBy}`,
    `Source: ${reference ?? 'not recorded'}`,
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
    ['Staff ready', `${percentInWords(summary.staffReadyPct)} of active staff`],
    ['Requirements met', percentInWords(summary.requirementsMetPct)],
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

const SUMMARY_COLUMNS: PdfColumn<[string, string]>[] = [
  { header: 'Figure', share: 1, text: (r) => r[0] },
  { header: 'Value', share: 2.2, text: (r) => r[1] },
];

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
  {
    header: 'Pace',
    share: 1.3,
    text: (r) => `${hoursInWords(r.group.pace)}\n(${r.group.paceText})`,
  },
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
    text: (r) => r.group.minimums.map((m) => m.text).join('\n'),
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

type EvidenceRow = { member: ReportMember; evidence: ReportSkillEvidence };
const EVIDENCE_COLUMNS: PdfColumn<EvidenceRow>[] = [
  { header: 'Member', share: 2, text: (r) => r.member.name },
  { header: 'Skill requirement met', share: 2.8, text: (r) => r.evidence.requirement },
  { header: 'Level on date', share: 1.4, text: (r) => r.evidence.levelText },
  { header: 'Basis', share: 1.8, text: (r) => r.evidence.basis },
  { header: 'Assessed on', share: 1.3, text: (r) => r.evidence.assessedOn ?? '' },
  { header: 'Assessor', share: 2.4, text: (r) => r.evidence.assessedBy ?? '' },
  {
    header: 'Counts through',
    share: 1.4,
    text: (r) =>
      r.evidence.assessedOn === null ? '' : (r.evidence.countsThrough ?? 'does not lapse'),
  },
];

const SPOF_COLUMNS: PdfColumn<ReportSinglePoint>[] = [
  { header: 'Team', share: 2, text: (s) => s.teamName },
  { header: 'Requirement', share: 4, text: (s) => s.requirement },
  { header: 'Only holder', share: 3, text: (s) => s.staffName },
];

/**
 * The printable compliance report (pdf-layout.ts lays it out): the header block (department,
 * scope, as-of, generated at and by) on every page and "Page n of m" in the footer, then summary
 * figures, staff readiness, credentials, CE status, and coverage gaps with single points of
 * failure.
 */
export async function renderPdf(
  report: ComplianceReport,
  out: Writable,
  paper: ReportPaperSize = 'letter',
): Promise<void> {
  const { header } = report;
  await writePdf(
    {
      paper,
      info: {
        Title: `Compliance report as of ${header.asOf}`,
        Author: header.generatedBy,
        Subject: `${header.departmentName}: ${header.scope.label}`,
        Creator: 'HIM Readiness',
      },
      header: [
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
        ...projectionLines(header.projection),
      ],
      footer: `${header.projection ? 'Projection: ' : ''}Compliance report as of ${header.asOf}`,
    },
    out,
    async (layout) => {
      layout.heading('Summary figures');
      await layout.table(SUMMARY_COLUMNS, summaryFigures(report));
      if (report.coverage && report.coverage.teams.length > 0) {
        await layout.table(TEAM_COLUMNS, report.coverage.teams);
      }

      layout.heading('Staff readiness');
      if (report.members.length === 0)
        layout.paragraph('No active or on-leave members in this scope.');
      else await layout.table(STAFF_COLUMNS, report.members);

      layout.heading('Credentials');
      layout.paragraph(
        `Status on ${report.header.asOf}. "Expiring" means current and expiring within ${report.header.expiryWarningDays} days. Verification lists how the credential was checked, when, by whom and the source (lookup address or confirmation number).`,
      );
      await layout.table(CREDENTIAL_COLUMNS, credentialRows(report));

      layout.heading('Competence behind each skill requirement met');
      const evidence = [...evidenceRows(report)];
      if (evidence.length === 0)
        layout.paragraph('No skill requirement is met by an active member in this scope.');
      else {
        layout.paragraph(
          "For each skill requirement of a member's role that they meet, the assessment that gives the level (who assessed and when, and the last day it counts before a reassessment is due) or the current credential that evidences it.",
        );
        await layout.table(EVIDENCE_COLUMNS, evidence);
      }

      layout.heading('CE status');
      layout.paragraph(
        'Pace: the hours a steady pace through the cycle would have earned by the report date. Pending hours are submitted and not yet approved; they are not in Earned.',
      );
      if (!report.members.some((m) => m.ceGroups.length > 0)) {
        layout.paragraph(
          'No CE groups: no member in scope holds a current credential that owes CE.',
        );
      } else {
        await layout.table(CE_COLUMNS, ceRows(report));
      }

      layout.heading('Coverage gaps and single points of failure');
      const coverage = report.coverage;
      if (coverage === null) {
        layout.paragraph('Coverage is a team figure; a one-member report does not carry it.');
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

      attestation(layout, report);
    },
  );
}

/** The projection notice, as a header line on every page of a report as of a future day. */
export function projectionLines(projection: string | null): PdfHeaderLine[] {
  return projection
    ? [{ text: projection, font: BOLD_FONT, size: 8.5, colour: STATUS_COLOURS.expiring }]
    : [];
}

/** The last thing in the file: who reviewed it, to be signed by hand. */
export function attestation(layout: PdfLayout, report: Pick<ComplianceReport, 'header'>): void {
  layout.fillInBlock(
    'Attestation',
    `I have reviewed this report of ${report.header.departmentName} (${report.header.scope.label}) as of ${report.header.asOf} and attest that it reflects the records on file.`,
    ['Reviewed by (name)', 'Title', 'Date', 'Signature'],
  );
}

function* evidenceRows(report: ComplianceReport): Iterable<EvidenceRow> {
  for (const member of report.members)
    for (const evidence of member.skillEvidence) yield { member, evidence };
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
