import type { Writable } from 'node:stream';
import type { ReportPaperSize } from '@him/contracts';
import {
  auditDiff,
  ceCategoriesInWords,
  formatHours,
  humanizeSlug,
  sentenceCase,
  type RequirementNames,
} from '@him/domain';
import type {
  ReportAssessment,
  ReportCeGroup,
  ReportCredential,
  ReportHeader,
  ReportMember,
  ReportRequirement,
} from './compliance-report';
import { BODY_FONT, BOLD_FONT, INK, MUTED, writePdf, type PdfColumn } from './pdf-layout';
import type { AuditTrailRow, CeActivityRow, EvidenceFileRow } from './report-facts.repository';
import { attestation, projectionLines, verificationCell } from './render-pdf';
import { hoursInWords, isoTimestampIn } from './report-text';

/** What a member file shows beyond the compliance report's member entry. */
export interface MemberFileExtras {
  hireDate: string | null;
  evidence: readonly EvidenceFileRow[];
  activities: readonly CeActivityRow[];
  audit: readonly AuditTrailRow[];
}

export interface MemberFile {
  header: ReportHeader;
  member: ReportMember;
  extras: MemberFileExtras;
  names: RequirementNames;
}

const REQUIREMENT_COLUMNS: PdfColumn<ReportRequirement>[] = [
  { header: 'Requirement of the role', share: 4, text: (r) => r.requirement },
  {
    header: 'On the date',
    share: 1.4,
    text: (r) => (r.met === null ? 'not counted (on leave)' : r.met ? 'met' : 'not met'),
    colour: (r) => (r.met === false ? '#b3261e' : undefined),
  },
  { header: 'Met by', share: 4, text: (r) => r.metBy ?? '' },
];

type CredentialRow = { credential: ReportCredential; evidence: readonly EvidenceFileRow[] };
const CREDENTIAL_COLUMNS: PdfColumn<CredentialRow>[] = [
  {
    header: 'Credential',
    share: 2.4,
    text: (r) =>
      [
        `${r.credential.code} ${r.credential.number ?? ''}`.trim(),
        r.credential.name,
        r.credential.issuingBody,
      ]
        .filter(Boolean)
        .join('\n'),
  },
  {
    header: 'Status on date',
    share: 1.6,
    text: (r) =>
      [
        r.credential.statusText,
        r.credential.revokedOn ? `revoked on ${r.credential.revokedOn}` : null,
        r.credential.verified ? null : 'unverified',
      ]
        .filter(Boolean)
        .join('\n'),
  },
  {
    header: 'Dates',
    share: 1.6,
    text: (r) =>
      `issued ${r.credential.issuedOn}\n${r.credential.expiresOn ? `expires ${r.credential.expiresOn}` : 'does not expire'}`,
  },
  { header: 'Primary-source verification', share: 3, text: (r) => verificationCell(r.credential) },
  {
    header: 'Evidence on file',
    share: 2.6,
    text: (r) =>
      r.evidence.length === 0
        ? 'none'
        : r.evidence
            .map(
              (file) =>
                `${file.name} (uploaded ${file.uploadedAt.slice(0, 10)} by ${file.uploadedBy})`,
            )
            .join('\n'),
  },
];

const ASSESSMENT_COLUMNS: PdfColumn<ReportAssessment>[] = [
  { header: 'Skill', share: 2.6, text: (a) => a.skillName },
  { header: 'Level', share: 1.3, text: (a) => a.levelText },
  { header: 'Kind', share: 1.4, text: (a) => a.sourceText },
  { header: 'Assessed on', share: 1.2, text: (a) => a.assessedOn },
  { header: 'Assessor', share: 2.4, text: (a) => a.assessedBy },
  { header: 'Counts through', share: 1.3, text: (a) => a.countsThrough ?? 'does not lapse' },
  { header: 'On the date', share: 1.8, text: (a) => a.stateText },
];

const CE_COLUMNS: PdfColumn<ReportCeGroup>[] = [
  {
    header: 'Body / credentials',
    share: 1.5,
    text: (g) => `${g.issuingBody}\n${g.credentialCodes.join(', ')}`,
  },
  { header: 'Cycle', share: 1.5, text: (g) => `${g.cycleStart}\nto ${g.cycleEnd}` },
  { header: 'Required', share: 1, text: (g) => `${hoursInWords(g.required)} h`, align: 'right' },
  { header: 'Earned', share: 1, text: (g) => `${hoursInWords(g.earned)} h`, align: 'right' },
  { header: 'Pending', share: 1, text: (g) => `${hoursInWords(g.pending)} h`, align: 'right' },
  {
    header: 'Remaining',
    share: 1.1,
    text: (g) => `${hoursInWords(g.remaining)} h`,
    align: 'right',
  },
  { header: 'Pace', share: 1.6, text: (g) => g.paceText },
  { header: 'Status', share: 1, text: (g) => g.statusText },
  { header: 'Minimums', share: 2.6, text: (g) => g.minimums.map((m) => m.text).join('\n') },
];

const ACTIVITY_COLUMNS: PdfColumn<CeActivityRow>[] = [
  { header: 'Completed', share: 1.2, text: (a) => a.completedOn },
  { header: 'Activity', share: 3.2, text: (a) => `${a.title}\n${a.provider}` },
  { header: 'Hours', share: 0.8, text: (a) => formatHours(a.hours), align: 'right' },
  { header: 'Categories', share: 2.4, text: (a) => ceCategoriesInWords(a.categories) },
  {
    header: 'Review',
    share: 2.4,
    text: (a) =>
      a.status === 'submitted'
        ? 'submitted, not yet reviewed'
        : `${a.status}${a.reviewedBy ? ` by ${a.reviewedBy}` : ''}`,
  },
];

type AuditLine = { row: AuditTrailRow; when: string; what: string; change: string };
const AUDIT_COLUMNS: PdfColumn<AuditLine>[] = [
  { header: 'When', share: 1.9, text: (r) => r.when },
  { header: 'Who', share: 2.2, text: (r) => r.row.by },
  { header: 'What', share: 2.4, text: (r) => r.what },
  { header: 'Change', share: 4.2, text: (r) => r.change },
  { header: 'Note', share: 1.8, text: (r) => r.row.note ?? '' },
];

/** Bookkeeping and identifiers an audit trail for a person leaves out. */
const AUDIT_IGNORED = [
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'departmentId',
  'staffId',
  'credentialTypeId',
  'skillId',
  'ownerId',
  'ownerKind',
  'sha256',
  'canDelete',
  'hasEvidence',
  'verifiedByUserId',
  'assessedByUserId',
  'reviewedByUserId',
  'uploadedByUserId',
  'createdByUserId',
  'submittedTeamId',
];

const ACTIONS: Record<string, string> = {
  create: 'recorded',
  update: 'changed',
  delete: 'deleted',
  revoke: 'revoked',
  review: 'reviewed',
};

const ENTITIES: Record<string, string> = {
  staff: 'Staff record',
  credential: 'Credential',
  assessment: 'Assessment',
  ce_activity: 'CE activity',
  evidence_file: 'Evidence file',
};

/** "expiresOn" as "Expires on". */
function fieldInWords(key: string): string {
  return sentenceCase(key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function valueInWords(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return UUID.test(value) ? 'a record' : humanizeValue(value);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(valueInWords).join(', ');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record['method'] === 'string' && typeof record['verifiedOn'] === 'string') {
      // a verification: how, when, and its source
      const source =
        typeof record['reference'] === 'string' ? `, source: ${record['reference']}` : '';
      return `${humanizeValue(record['method'])} on ${record['verifiedOn']}${source}`;
    }
    return Object.entries(value as Record<string, unknown>)
      .filter(([key, v]) => !AUDIT_IGNORED.includes(key) && v !== null && v !== undefined)
      .map(([, v]) => valueInWords(v))
      .join(', ');
  }
  return String(value);
}

/** Codes the product stores in words: `primary-source` as "primary source", `hiim-domain` as "HIIM domains". */
function humanizeValue(text: string): string {
  if (/^[a-z]+(-[a-z]+)+$/.test(text)) {
    const category = ceCategoriesInWords([text]);
    return category !== humanizeSlug(text) ? category : text.replace(/-/g, ' ');
  }
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/** One audit event as a person reads it: what record, and what changed from what to what. */
function auditInWords(row: AuditTrailRow, file: MemberFile): AuditLine {
  const record = row.after ?? row.before ?? {};
  const action = ACTIONS[row.action] ?? row.action;
  let subject = ENTITIES[row.entity] ?? humanizeSlug(row.entity);
  if (row.entity === 'credential') {
    const credential = file.member.credentials.find((c) => c.credentialId === row.entityId);
    if (credential)
      subject += ` ${credential.code}${credential.number ? ` ${credential.number}` : ''}`;
  } else if (row.entity === 'assessment' && typeof record['skillId'] === 'string') {
    subject += ` of ${file.names.skillNames.get(record['skillId']) ?? 'a skill'}`;
  } else if (row.entity === 'ce_activity' && typeof record['title'] === 'string') {
    subject += ` "${record['title']}"`;
  } else if (row.entity === 'evidence_file' && typeof record['originalName'] === 'string') {
    subject += ` ${record['originalName']}`;
  }
  const diff = auditDiff(row.before, row.after, { ignore: AUDIT_IGNORED });
  const change = diff.changedKeys
    .map((key) => {
      // an e-mail address names a person: say that it changed, not what it was
      if (key === 'email') return 'Email changed';
      const to = valueInWords(diff.after?.[key]);
      if (diff.before === null) return `${fieldInWords(key)}: ${to}`;
      return `${fieldInWords(key)}: ${valueInWords(diff.before[key])} -> ${to}`;
    })
    .join('\n');
  const when = isoTimestampIn(file.header.timeZone, new Date(row.at)).replace('T', ' ');
  return { row, when, what: `${subject} ${action}`, change };
}

/**
 * The member file (DOMAIN.md, Reports): one member's role and requirements, credentials with
 * their primary-source verification and evidence, competence assessments with assessor, date
 * and lapse date, CE per group with the activities behind it, the audit trail of those records,
 * and the attestation block. The header block is on every page.
 */
export async function renderMemberFile(
  file: MemberFile,
  out: Writable,
  paper: ReportPaperSize = 'letter',
): Promise<void> {
  const { header, member, extras } = file;
  await writePdf(
    {
      paper,
      info: {
        Title: `Member file: ${member.name}, as of ${header.asOf}`,
        Author: header.generatedBy,
        Subject: `${header.departmentName}: member file`,
        Creator: 'HIM Readiness',
      },
      header: [
        { text: header.departmentName, font: BOLD_FONT, size: 11, colour: INK },
        {
          text: `Member file  |  ${member.name}${member.employeeId ? ` (${member.employeeId})` : ''}  |  As of ${header.asOf}`,
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
      footer: `${header.projection ? 'Projection: ' : ''}Member file of ${member.name} as of ${header.asOf}`,
    },
    out,
    async (layout) => {
      layout.heading('Member');
      await layout.table(
        [
          { header: 'Field', share: 1, text: (r: [string, string]) => r[0] },
          { header: 'Value', share: 3, text: (r: [string, string]) => r[1] },
        ],
        [
          ['Name', member.name],
          ['Employee ID', member.employeeId ?? 'none'],
          ['Team', member.teamName],
          ['Job role', member.roleName],
          ['Employment', member.statusText],
          ['Hire date', extras.hireDate ?? 'not recorded'],
          [
            'Readiness',
            member.readiness === null
              ? 'not counted (on leave)'
              : `${member.readiness.ready ? 'ready' : 'not ready'}: ${member.readiness.met} of ${member.readiness.total} requirements met`,
          ],
        ] as [string, string][],
      );

      layout.heading(`Role and requirements: ${member.roleName}`);
      if (member.requirements.length === 0)
        layout.paragraph('The role has no requirements: every member of it is ready.');
      else await layout.table(REQUIREMENT_COLUMNS, member.requirements);

      layout.heading('Credentials and primary-source verification');
      if (member.credentials.length === 0) layout.paragraph('No credentials on record.');
      else
        await layout.table(
          CREDENTIAL_COLUMNS,
          member.credentials.map((credential) => ({
            credential,
            evidence: extras.evidence.filter((e) => e.credentialId === credential.credentialId),
          })),
        );

      layout.heading('Competence assessments');
      if (member.assessments.length === 0) layout.paragraph('No competence assessments on record.');
      else {
        layout.paragraph(
          '"Counts through" is the last day an assessment counts before a reassessment is due; a newer assessment of the same skill replaces an older one.',
        );
        await layout.table(ASSESSMENT_COLUMNS, member.assessments);
      }

      layout.heading('Continuing education');
      if (member.ceGroups.length === 0)
        layout.paragraph('No CE owed: the member holds no current credential that owes CE.');
      else {
        layout.paragraph(
          'Per CE group (the credentials of one issuing body that share an expiry date). Pace: the hours a steady pace through the cycle would have earned by the date; pending hours are not yet approved.',
        );
        await layout.table(CE_COLUMNS, member.ceGroups);
      }
      if (extras.activities.length > 0) {
        layout.paragraph('CE activities on record:');
        await layout.table(ACTIVITY_COLUMNS, extras.activities);
      }

      layout.heading('Audit trail of these records');
      if (extras.audit.length === 0) layout.paragraph('No recorded changes.');
      else
        await layout.table(
          AUDIT_COLUMNS,
          extras.audit.map((row) => auditInWords(row, file)),
        );

      attestation(layout, {
        header: { ...header, scope: { ...header.scope, label: `member file of ${member.name}` } },
      });
    },
  );
}
