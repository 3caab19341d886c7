/**
 * The compliance report as plain data (DOMAIN.md, Reports): built once from the facts and the
 * results of the rules in `@him/domain`, then drawn by three renderers (CSV, XLSX, PDF) so the
 * three formats carry the same facts. Nothing here decides a rule: statuses, readiness, CE
 * figures and coverage come from the domain; this file joins them to names and words.
 */
import type {
  AfterLapseStep,
  CeGroup,
  CeGroupStatus,
  ComplianceReportScope,
  CredentialStatus,
  Figures,
  IsoDate,
  IsoTimestamp,
  MemberReadiness,
  SinglePointOfFailure,
  StaffStatus,
  TargetCoverage,
  TargetsMet,
  TeamFigures,
  VerificationMethod,
} from '@him/contracts';
import {
  assessmentValidity,
  ceMinimumStatusInWords,
  ceStatusInWords,
  dedupeRequirements,
  latestAssessmentsOn,
  levelInWords,
  memberEvidenceOn,
  paceInWords,
  personInWords,
  requirementKey,
  afterLapseInWords,
  afterLapseStateOn,
  credentialStatusInWords,
  credentialStatusOn,
  daysBetween,
  isCredentialCurrent,
  isVerifiedOn,
  requirementInWords,
  staffStatusInWords,
  verificationMethodInWords,
  type AssessmentFacts,
  type CredentialFacts,
  type CredentialTypeFacts,
  type DeptSettings,
  type RoleFacts,
  type SkillFacts,
  type RequirementNames,
  type StaffFacts,
} from '@him/domain';

export interface ReportHeader {
  departmentId: string;
  departmentName: string;
  timeZone: string;
  scope: ComplianceReportScope;
  /** the team's, role's or member's name; null for the department */
  scopeName: string | null;
  asOf: IsoDate;
  /** ISO 8601 with the department's UTC offset */
  generatedAt: IsoTimestamp;
  /** who asked for the report, by name and title ("Denise Carter, HIM Manager") */
  generatedBy: string;
  /** the account's email, for the X-Report-Generated-By response header only (never in the file) */
  generatedByEmail: string;
  /** today in the department's time zone */
  today: IsoDate;
  /** the notice of a report as of a day after today (R9 projection); null for today or the past */
  projection: string | null;
  /** R10 warning window of the department */
  expiryWarningDays: number;
  /** R4: unverified credentials do not count when true */
  requireVerification: boolean;
}

export interface ReportSummary {
  /** R8 figures of the members in scope; null when the denominator is 0 */
  staffReadyPct: number | null;
  requirementsMetPct: number | null;
  /** coverage targets of the teams in scope; null for a one-member report */
  targetsMet: TargetsMet | null;
  activeStaff: number;
  onLeave: number;
  credentials: number;
  credentialsByStatus: Record<CredentialStatus, number>;
  unverified: number;
  ceGroups: number;
  ceGroupsByStatus: Record<CeGroupStatus, number>;
}

export interface ReportReadiness {
  met: number;
  total: number;
  ready: boolean;
  /** the missing requirements in words: "CCS or CPC", "CPT coding at Proficient (3)" */
  missing: string[];
}

export interface ReportCeMinimum {
  categories: string[];
  requiredHours: number;
  earnedHours: number;
  met: boolean;
  /** "HIIM domains: 3.5 of 16 h, not met" */
  text: string;
}

export interface ReportCeGroup {
  issuingBody: string;
  credentialCodes: string[];
  cycleStart: IsoDate;
  cycleEnd: IsoDate;
  required: number;
  earned: number;
  pending: number;
  remaining: number;
  pace: number;
  /** "12.3 h expected by today": what the pace figure means */
  paceText: string;
  status: CeGroupStatus;
  statusText: string;
  minimums: ReportCeMinimum[];
}

export interface ReportVerification {
  method: VerificationMethod;
  methodText: string;
  verifiedOn: IsoDate | null;
  /** who verified it, by name and title ("not recorded" when the account is gone) */
  verifiedBy: string;
  /** the source or reference: a lookup URL or a confirmation number */
  reference: string | null;
}

/** What stands behind a skill requirement a member meets (R2, R3). */
export interface ReportSkillEvidence {
  /** "ICD-10-CM coding at Proficient (3)" */
  requirement: string;
  skillName: string;
  /** the member's level on the report's date, in words */
  levelText: string;
  /** "manager assessment", "self-assessment" or the credential that evidences the level */
  basis: string;
  /** the assessment's date; null when a credential evidences the level */
  assessedOn: IsoDate | null;
  /** who assessed, by name and title */
  assessedBy: string | null;
  /** the last day the assessment counts (R2), null when it does not lapse */
  countsThrough: IsoDate | null;
}

export interface ReportCredential {
  credentialId: string;
  code: string;
  name: string;
  issuingBody: string;
  number: string | null;
  issuedOn: IsoDate;
  expiresOn: IsoDate | null;
  revokedOn: IsoDate | null;
  /** status on the report's date (credentialStatusOn) */
  status: CredentialStatus;
  /** "current", "expiring in 12 days", "expired", "revoked", "not yet valid" */
  statusText: string;
  /** days from the report's date to expiresOn, for a current or expiring credential that expires */
  daysToExpiry: number | null;
  verified: boolean;
  /** R4: counts towards readiness on the report's date (false when unverified and verification is required) */
  countsTowardReadiness: boolean;
  verification: ReportVerification | null;
  /** the CE group (R11) this credential belongs to on the report's date, if any */
  ceGroup: ReportCeGroup | null;
}

export interface ReportMember {
  staffId: string;
  name: string;
  employeeId: string | null;
  teamId: string;
  teamName: string;
  roleId: string;
  roleName: string;
  status: Exclude<StaffStatus, 'terminated'>;
  statusText: string;
  /** R6, for an active member; null for a member on leave (R1: not counted) */
  readiness: ReportReadiness | null;
  credentials: ReportCredential[];
  ceGroups: ReportCeGroup[];
  /** the evidence behind each skill requirement of the role the member meets (active members) */
  skillEvidence: ReportSkillEvidence[];
  /** each requirement of the member's role, met or not on the report's date, and what meets it */
  requirements: ReportRequirement[];
  /** every assessment of the member on or before the report's date, newest first (R2) */
  assessments: ReportAssessment[];
}

export interface ReportRequirement {
  /** "CCS or CPC", "ICD-10-CM coding at Proficient (3)" */
  requirement: string;
  /** null for a member on leave (not counted, R1) */
  met: boolean | null;
  /** what meets it: "CCS 5769810", "manager assessment of 2026-01-31"; null when unmet */
  metBy: string | null;
}

export interface ReportAssessment {
  skillName: string;
  levelText: string;
  /** "manager assessment" or "self-assessment" */
  sourceText: string;
  assessedOn: IsoDate;
  assessedBy: string;
  /** the last day it counts (R2); null: it does not lapse */
  countsThrough: IsoDate | null;
  /** on the report's date: "counts", "lapsed after 2026-01-31", "replaced by a later assessment" */
  stateText: string;
}

export interface ReportTeam {
  teamId: string;
  name: string;
  activeStaff: number;
  staffReadyPct: number | null;
  requirementsMetPct: number | null;
  targetsMet: TargetsMet;
}

export interface ReportTarget {
  teamId: string;
  teamName: string;
  requirement: string;
  minHolders: number;
  holders: number;
  gap: number;
}

export interface ReportSinglePoint {
  teamId: string;
  teamName: string;
  requirement: string;
  staffId: string;
  staffName: string;
}

/** R7 for the teams in scope. */
export interface ReportCoverage {
  teams: ReportTeam[];
  targets: ReportTarget[];
  singlePointsOfFailure: ReportSinglePoint[];
}

export interface ComplianceReport {
  header: ReportHeader;
  summary: ReportSummary;
  /** every non-terminated member in scope (R1), by name */
  members: ReportMember[];
  /** null for a one-member report: coverage is a team figure */
  coverage: ReportCoverage | null;
}

/** What the report is built from: the facts and the domain's results for the same asOf. */
export interface ComplianceReportInput {
  header: ReportHeader;
  settings: DeptSettings;
  /** non-terminated members in scope */
  members: readonly StaffFacts[];
  /** credentials of (at least) the members in scope */
  credentials: readonly CredentialFacts[];
  /** computeReadiness results covering the active members in scope */
  memberReadiness: readonly MemberReadiness[];
  /** computeCeStatus results covering the members in scope */
  ceGroups: readonly CeGroup[];
  figures: Pick<Figures, 'staffReadyPct' | 'requirementsMetPct'> & {
    targetsMet: TargetsMet | null;
  };
  coverage: {
    teams: readonly TeamFigures[];
    targets: readonly TargetCoverage[];
    singlePointsOfFailure: readonly SinglePointOfFailure[];
  } | null;
  names: RequirementNames & {
    teamNames: ReadonlyMap<string, string>;
    roleNames: ReadonlyMap<string, string>;
    staffNames: ReadonlyMap<string, string>;
    employeeIds: ReadonlyMap<string, string | null>;
    credentialTypes: ReadonlyMap<string, { code: string; name: string; issuingBody: string }>;
    verifications: ReadonlyMap<
      string,
      {
        method: VerificationMethod;
        verifiedOn: IsoDate | null;
        verifiedBy: string;
        reference: string | null;
      }
    >;
  };
  /** R2: the members' assessments on or before asOf, with who assessed them (by name and title) */
  assessments: readonly ReportAssessmentFacts[];
  /** R2 lapse periods */
  skills: readonly SkillFacts[];
  /** R18: the states after an expiry per issuing body (its CE rule's); absent: none */
  afterLapse?: ReadonlyMap<string, readonly AfterLapseStep[]>;
  /** the roles' requirements (R6) */
  roles: readonly RoleFacts[];
  credentialTypeFacts: readonly CredentialTypeFacts[];
  /**
   * false: the members without what only the XLSX, the PDF and a member file show (the evidence
   * behind each skill requirement, each requirement with what meets it, every assessment), as
   * the CSV needs them; 'evidence': the evidence behind each skill requirement only (what the
   * XLSX and the PDF show); default true
   */
  memberDetail?: boolean | 'evidence';
}

/** An assessment as the rules see it, with what only a report shows. */
export interface ReportAssessmentFacts extends AssessmentFacts {
  id: string;
  assessedBy: string;
}

const nameCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The order of a report's members: by name as a reader sorts it, then by id. */
export function inReportOrder(
  a: Pick<StaffFacts, 'id' | 'name'>,
  b: Pick<StaffFacts, 'id' | 'name'>,
): number {
  return nameCollator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The items grouped by a key, in their order. */
export function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function toCeGroup(group: CeGroup, asOf: IsoDate, today: IsoDate): ReportCeGroup {
  return {
    issuingBody: group.issuingBody,
    credentialCodes: [...group.credentialTypeCodes],
    cycleStart: group.cycleStart,
    cycleEnd: group.cycleEnd,
    required: group.required,
    earned: group.earned,
    pending: group.pending,
    remaining: group.remaining,
    pace: group.pace,
    paceText: paceInWords(group.pace, asOf, today),
    status: group.status,
    statusText: ceStatusInWords(group.status),
    minimums: group.minimums.map((m) => ({
      categories: [...m.categories],
      requiredHours: m.requiredHours,
      earnedHours: m.earnedHours,
      met: m.met,
      text: ceMinimumStatusInWords(m),
    })),
  };
}

/** Joins the facts and the domain's results into the report, one pass per kind of record. */
export function buildComplianceReport(input: ComplianceReportInput): ComplianceReport {
  const { header, settings, names } = input;
  const asOf = header.asOf;
  const detail = input.memberDetail !== false;
  const records = input.memberDetail === undefined || input.memberDetail === true;
  const readinessByStaff = new Map(input.memberReadiness.map((r) => [r.staffId, r]));
  const credentialsByStaff = byKey(input.credentials, (c) => c.staffId);
  const ceByStaff = byKey(input.ceGroups, (g) => g.staffId);

  const evidenceOf = skillEvidenceFinder(input, credentialsByStaff);
  const { requirementsOf, assessmentsOf } = memberRecordsFinder(
    input,
    credentialsByStaff,
    evidenceOf,
  );
  const members = [...input.members].filter((m) => m.status !== 'terminated').sort(inReportOrder);

  const reportMembers = members.map((member): ReportMember => {
    const status = member.status as ReportMember['status'];

    const ceGroups: ReportCeGroup[] = [];
    const ceGroupOfCredential = new Map<string, ReportCeGroup>();
    for (const group of ceByStaff.get(member.id) ?? []) {
      const reportGroup = toCeGroup(group, asOf, header.today);
      ceGroups.push(reportGroup);
      for (const id of group.credentialIds) ceGroupOfCredential.set(id, reportGroup);
    }

    const credentials = (credentialsByStaff.get(member.id) ?? [])
      .map((credential): ReportCredential => {
        const type = names.credentialTypes.get(credential.credentialTypeId);
        const credentialStatus = credentialStatusOn(credential, asOf, settings);
        const daysToExpiry =
          (credentialStatus === 'current' || credentialStatus === 'expiring') &&
          credential.expiresOn
            ? daysBetween(asOf, credential.expiresOn)
            : null;
        const verification = names.verifications.get(credential.id);
        return {
          credentialId: credential.id,
          code: type?.code ?? 'unknown',
          name: type?.name ?? 'unknown credential type',
          issuingBody: type?.issuingBody ?? '',
          number: credential.number,
          issuedOn: credential.issuedOn,
          expiresOn: credential.expiresOn,
          revokedOn: credential.revokedOn,
          status: credentialStatus,
          // an expired credential says where it stands with its body: "expired — inactive
          // until 2027-05-30, can still be reinstated" (R18)
          statusText:
            credentialStatus === 'expired'
              ? afterLapseInWords(
                  afterLapseStateOn(
                    credential,
                    input.afterLapse?.get(type?.issuingBody ?? '') ?? [],
                    asOf,
                  ),
                )
              : credentialStatusInWords(credentialStatus, daysToExpiry),
          daysToExpiry,
          verified: credential.verified,
          countsTowardReadiness: isCredentialCurrent(credential, asOf, settings),
          verification:
            credential.verified && verification
              ? {
                  method: verification.method,
                  methodText: verificationMethodInWords(verification.method),
                  verifiedOn: verification.verifiedOn,
                  verifiedBy: verification.verifiedBy,
                  reference: verification.reference,
                }
              : null,
          ceGroup: ceGroupOfCredential.get(credential.id) ?? null,
        };
      })
      .sort(
        (a, b) =>
          a.code.localeCompare(b.code, 'en') ||
          (a.issuedOn > b.issuedOn ? -1 : a.issuedOn < b.issuedOn ? 1 : 0) ||
          (a.credentialId < b.credentialId ? -1 : 1),
      );

    const readiness = status === 'active' ? readinessByStaff.get(member.id) : undefined;
    return {
      staffId: member.id,
      name: member.name,
      employeeId: names.employeeIds.get(member.id) ?? null,
      teamId: member.teamId,
      teamName: names.teamNames.get(member.teamId) ?? '',
      roleId: member.roleId,
      roleName: names.roleNames.get(member.roleId) ?? '',
      status,
      statusText: staffStatusInWords(status),
      readiness: readiness
        ? {
            met: readiness.met,
            total: readiness.total,
            ready: readiness.ready,
            missing: readiness.missing.map((r) => requirementInWords(r, names)),
          }
        : null,
      credentials,
      ceGroups,
      skillEvidence: detail && readiness ? evidenceOf(member) : [],
      requirements: records ? requirementsOf(member, readiness ?? null) : [],
      assessments: records ? assessmentsOf(member) : [],
    };
  });

  return {
    header,
    summary: reportSummary(input),
    members: reportMembers,
    coverage: reportCoverage(input),
  };
}

/**
 * The report's summary: the R8 figures it is given and the counts over its non-terminated
 * members (active and on leave, their credentials by status on the date and unverified, their
 * CE groups by status), as buildComplianceReport lists them.
 */
export function reportSummary(
  input: Pick<
    ComplianceReportInput,
    'header' | 'settings' | 'members' | 'credentials' | 'ceGroups' | 'figures'
  >,
): ReportSummary {
  const credentialsByStatus: Record<CredentialStatus, number> = {
    current: 0,
    expiring: 0,
    expired: 0,
    'not-yet-valid': 0,
    revoked: 0,
  };
  const ceGroupsByStatus: Record<CeGroupStatus, number> = {
    met: 0,
    'on-track': 0,
    behind: 0,
    'at-risk': 0,
  };
  let credentials = 0;
  let unverified = 0;
  let ceGroups = 0;
  let activeStaff = 0;
  let onLeave = 0;
  const listed = new Set<string>();
  for (const member of input.members) {
    if (member.status === 'terminated') continue;
    listed.add(member.id);
    if (member.status === 'active') activeStaff++;
    else onLeave++;
  }
  for (const credential of input.credentials) {
    if (!listed.has(credential.staffId)) continue;
    credentialsByStatus[credentialStatusOn(credential, input.header.asOf, input.settings)]++;
    credentials++;
    if (!credential.verified) unverified++;
  }
  for (const group of input.ceGroups) {
    if (!listed.has(group.staffId)) continue;
    ceGroupsByStatus[group.status]++;
    ceGroups++;
  }
  return {
    staffReadyPct: input.figures.staffReadyPct,
    requirementsMetPct: input.figures.requirementsMetPct,
    targetsMet: input.figures.targetsMet,
    activeStaff,
    onLeave,
    credentials,
    credentialsByStatus,
    unverified,
    ceGroups,
    ceGroupsByStatus,
  };
}

/** R7 of the teams in scope in words; null for a one-member report. */
export function reportCoverage(
  input: Pick<ComplianceReportInput, 'coverage' | 'names'>,
): ReportCoverage | null {
  const { names } = input;
  const teamName = (teamId: string) => names.teamNames.get(teamId) ?? '';
  const coverage: ReportCoverage | null = input.coverage && {
    teams: input.coverage.teams.map((team) => ({
      teamId: team.teamId,
      name: team.name,
      activeStaff: team.activeStaff,
      staffReadyPct: team.staffReadyPct,
      requirementsMetPct: team.requirementsMetPct,
      targetsMet: { ...team.targetsMet },
    })),
    targets: input.coverage.targets.map((target) => ({
      teamId: target.teamId,
      teamName: teamName(target.teamId),
      requirement: requirementInWords(target.requirement, names),
      minHolders: target.minHolders,
      holders: target.holders,
      gap: target.gap,
    })),
    singlePointsOfFailure: input.coverage.singlePointsOfFailure.map((spof) => ({
      teamId: spof.teamId,
      teamName: teamName(spof.teamId),
      requirement: requirementInWords(spof.requirement, names),
      staffId: spof.staffId,
      staffName: names.staffNames.get(spof.staffId) ?? '',
    })),
  };

  return coverage;
}

/** A self-assessment recorded without an account is the member's own. */
function assessorOf(assessment: ReportAssessmentFacts, member: StaffFacts): string {
  if (assessment.source === 'self' && assessment.assessedBy === personInWords(null))
    return `${member.name} (self)`;
  return assessment.assessedBy;
}

/**
 * For each active member, the evidence behind each skill requirement of their role they meet on
 * the report's date: the assessment that gives the level (with assessor, date and the day it
 * stops counting, R2) or the current credential whose type evidences it. The level and its
 * source are the domain's (memberEvidenceOn); this only names them.
 */
function skillEvidenceFinder(
  input: ComplianceReportInput,
  credentialsByStaff: ReadonlyMap<string, readonly CredentialFacts[]>,
): (member: StaffFacts) => ReportSkillEvidence[] {
  const { header, settings, names } = input;
  const asOf = header.asOf;
  const validity = assessmentValidity(input.skills, settings);
  const assessmentsByStaff = byKey(input.assessments, (a) => a.staffId);
  const roles = new Map(input.roles.map((role) => [role.id, role]));
  const types = new Map(input.credentialTypeFacts.map((type) => [type.id, type]));
  return (member) => {
    const role = roles.get(member.roleId);
    if (!role) return [];
    const assessments = assessmentsByStaff.get(member.id) ?? [];
    const credentials = credentialsByStaff.get(member.id) ?? [];
    const evidence = memberEvidenceOn({ assessments, credentials }, types, asOf, settings, {
      validity,
    });
    const latest = latestAssessmentsOn(assessments, asOf);
    const result: ReportSkillEvidence[] = [];
    const seen = new Set<string>();
    for (const requirement of dedupeRequirements(role.requirements)) {
      if (requirement.kind !== 'skill' || seen.has(requirementKey(requirement))) continue;
      seen.add(requirementKey(requirement));
      const level = evidence.levelOf(requirement.skillId);
      if (level.level < requirement.minLevel) continue;
      const base = {
        requirement: requirementInWords(requirement, names),
        skillName: names.skillNames.get(requirement.skillId) ?? '',
        levelText: levelInWords(level.level),
      };
      if (level.source === 'assessment-manager' || level.source === 'assessment-self') {
        const assessment = latest.get(requirement.skillId) as ReportAssessmentFacts | undefined;
        result.push({
          ...base,
          basis: level.source === 'assessment-manager' ? 'manager assessment' : 'self-assessment',
          assessedOn: assessment?.assessedOn ?? null,
          assessedBy: assessment ? assessorOf(assessment, member) : null,
          countsThrough: assessment ? validity.countsThrough(assessment) : null,
        });
      } else {
        const credential = credentials.find((c) => {
          if (!isCredentialCurrent(c, asOf, settings)) return false;
          const type = types.get(c.credentialTypeId);
          return type?.evidencesSkills.some(
            (s) => s.skillId === requirement.skillId && s.level >= level.level,
          );
        });
        const code = credential ? names.credentialTypeCodes.get(credential.credentialTypeId) : null;
        result.push({
          ...base,
          basis: code ? `${code} credential (current)` : 'a current credential',
          assessedOn: null,
          assessedBy: null,
          countsThrough: null,
        });
      }
    }
    return result;
  };
}

/**
 * What a member file shows beyond the report's rows: each requirement of the member's role with
 * what meets it, and every assessment with its assessor, the day it stops counting and whether
 * it counts on the report's date. Met or not is the domain's answer (computeReadiness's missing
 * list); this only names the record behind it.
 */
function memberRecordsFinder(
  input: ComplianceReportInput,
  credentialsByStaff: ReadonlyMap<string, readonly CredentialFacts[]>,
  evidenceOf: (member: StaffFacts) => ReportSkillEvidence[],
): {
  requirementsOf: (member: StaffFacts, readiness: MemberReadiness | null) => ReportRequirement[];
  assessmentsOf: (member: StaffFacts) => ReportAssessment[];
} {
  const { header, settings, names } = input;
  const asOf = header.asOf;
  const roles = new Map(input.roles.map((role) => [role.id, role]));
  const validity = assessmentValidity(input.skills, settings);
  const assessmentsByStaff = byKey(input.assessments, (a) => a.staffId);
  return {
    requirementsOf(member, readiness) {
      const role = roles.get(member.roleId);
      if (!role) return [];
      const missing = new Set((readiness?.missing ?? []).map(requirementKey));
      const evidence = readiness ? evidenceOf(member) : [];
      const credentials = credentialsByStaff.get(member.id) ?? [];
      return dedupeRequirements(role.requirements).map((requirement): ReportRequirement => {
        const text = requirementInWords(requirement, names);
        if (!readiness) return { requirement: text, met: null, metBy: null };
        if (missing.has(requirementKey(requirement)))
          return { requirement: text, met: false, metBy: null };
        if (requirement.kind === 'skill') {
          const behind = evidence.find((e) => e.requirement === text);
          return {
            requirement: text,
            met: true,
            metBy: behind
              ? behind.assessedOn
                ? `${behind.basis} of ${behind.assessedOn} (${behind.levelText})`
                : behind.basis
              : null,
          };
        }
        const holding = credentials.find(
          (c) =>
            requirement.anyOf.includes(c.credentialTypeId) &&
            isCredentialCurrent(c, asOf, settings) &&
            (requirement.verifiedOnly !== true || isVerifiedOn(c, asOf)),
        );
        const code = holding ? names.credentialTypeCodes.get(holding.credentialTypeId) : undefined;
        return {
          // a verified-only requirement says so in its words ("CCS or CPC, verified")
          requirement: text,
          met: true,
          metBy: holding ? [code, holding.number].filter(Boolean).join(' ') : null,
        };
      });
    },
    assessmentsOf(member) {
      const assessments = assessmentsByStaff.get(member.id) ?? [];
      const latest = latestAssessmentsOn(assessments, asOf);
      return [...assessments]
        .sort(
          (a, b) =>
            (a.assessedOn < b.assessedOn ? 1 : a.assessedOn > b.assessedOn ? -1 : 0) ||
            (names.skillNames.get(a.skillId) ?? '').localeCompare(
              names.skillNames.get(b.skillId) ?? '',
              'en',
            ),
        )
        .map((assessment): ReportAssessment => {
          const countsThrough = validity.countsThrough(assessment);
          const isLatest = latest.get(assessment.skillId) === assessment;
          return {
            skillName: names.skillNames.get(assessment.skillId) ?? '',
            levelText: levelInWords(assessment.level),
            sourceText: assessment.source === 'manager' ? 'manager assessment' : 'self-assessment',
            assessedOn: assessment.assessedOn,
            assessedBy: assessorOf(assessment, member),
            countsThrough,
            stateText: !isLatest
              ? 'replaced by a later assessment'
              : countsThrough !== null && countsThrough < asOf
                ? `lapsed after ${countsThrough}`
                : 'counts',
          };
        });
    },
  };
}
