/**
 * The HTTP API's shapes (API.md), shared by the API, the dashboard and the domain rules.
 * Calendar dates are `YYYY-MM-DD` strings, timestamps ISO 8601 with zone, ids UUID strings.
 */

/** A calendar date, `YYYY-MM-DD`, in the department's time zone. */
export type IsoDate = string;
/** An instant, ISO 8601 with zone. */
export type IsoTimestamp = string;

export const USER_ROLES = ['admin', 'manager', 'staff'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const STAFF_STATUSES = ['active', 'leave', 'terminated'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

export const SKILL_CATEGORIES = ['technical', 'regulatory', 'soft'] as const;
export type SkillCategory = (typeof SKILL_CATEGORIES)[number];

/** 0 none, 1 awareness, 2 working, 3 proficient, 4 expert (can train others). */
export type Proficiency = 0 | 1 | 2 | 3 | 4;
export const PROFICIENCY_LABELS = ['None', 'Awareness', 'Working', 'Proficient', 'Expert'] as const;

export const ASSESSMENT_SOURCES = ['self', 'manager'] as const;
export type AssessmentSource = (typeof ASSESSMENT_SOURCES)[number];

export const VERIFICATION_METHODS = ['primary-source', 'certificate-copy'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

export const CE_REVIEW_STATUSES = ['submitted', 'approved', 'rejected'] as const;
export type CeReviewStatus = (typeof CE_REVIEW_STATUSES)[number];

export const CE_GROUP_STATUSES = ['met', 'at-risk', 'on-track', 'behind'] as const;
export type CeGroupStatus = (typeof CE_GROUP_STATUSES)[number];

/** A credential's status on a date, as a report or a chip shows it. */
export const CREDENTIAL_STATUSES = [
  'current',
  'expiring',
  'expired',
  'not-yet-valid',
  'revoked',
] as const;
export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number];

export interface SkillRequirement {
  kind: 'skill';
  skillId: string;
  minLevel: number;
}

export interface CredentialRequirement {
  kind: 'credential';
  /** credential type ids; any one current credential of these types meets it */
  anyOf: string[];
  /**
   * R5: only a current credential with a verification recorded on or before the day meets it,
   * whatever the department's verification setting (the job description requires primary-source
   * verification, Joint Commission HR.01.02.05). Absent means false.
   */
  verifiedOnly?: boolean;
}

export type Requirement = SkillRequirement | CredentialRequirement;

export interface Page<T> {
  items: T[];
  total: number;
}

// ---------- auth ----------

export interface LoginRequest {
  email: string;
  password: string;
}

export interface AuthUser {
  id: string;
  email: string;
  role: UserRole;
  staffId: string | null;
  departmentId: string;
}

export interface LoginResponse {
  accessToken: string;
  user: AuthUser;
}

/** How people sign in here (`GET /auth/config`, before anyone has signed in). */
export interface AuthConfiguration {
  /**
   * false when every department has switched password sign-in off: the sign-in page then shows
   * only the provider's button (its break-glass admin opens `/login?password`)
   */
  passwordSignIn: boolean;
  /** "Forgot password?" is offered (e-mail is configured); otherwise the page says to ask an admin */
  passwordReset: boolean;
  /** the identity provider, when single sign-on is configured */
  singleSignOn: { providerName: string; startUrl: string } | null;
}

/** `POST /auth/oidc/complete`: what the dashboard gets for the ticket the provider's redirect brought. */
export interface SingleSignOnResponse extends LoginResponse {
  /** the page the person was on before signing in, inside the app; null for the start page */
  returnTo: string | null;
}

/** `POST /auth/logout` */
export interface LogoutResponse {
  /** the provider's end-session address to open next (single sign-on sessions); null otherwise */
  endSessionUrl: string | null;
}

// ---------- resources ----------

export interface Department {
  id: string;
  name: string;
  timeZone: string;
  /** R4: when true, an unverified credential does not count */
  requireVerification: boolean;
  /** R10: warning window in days (default 90) */
  expiryWarningDays: number;
  /** R10: reminder lead times in days before expiry (default 90, 60, 30, 7) */
  reminderLeadDays: number[];
  /** A first sign-in through the identity provider may create an account (otherwise it must exist). */
  ssoCreateAccounts?: boolean;
  /** Password sign-in is on; when off, only `breakGlassUserId` may still use a password. */
  passwordSignIn?: boolean;
  /** The one admin account that may sign in with a password when password sign-in is off. */
  breakGlassUserId?: string | null;
  /**
   * R2: months a competence assessment counts when its skill sets no `reassessMonths`; null:
   * assessments never lapse.
   */
  assessmentValidityMonths: number | null;
  /**
   * Staff may add a credential they newly earned themselves (stored unverified, for a manager to
   * verify); false: the department's managers add every credential.
   */
  staffMayAddCredentials: boolean;
  /** The largest evidence file the API accepts, in bytes (EVIDENCE_MAX_BYTES); served by GET. */
  evidenceMaxBytes?: number;
  version: number;
}

/** `GET /staff/{id}/team-managers`: whom a member asks (the managers of the member's team). */
export interface TeamManagerContact {
  staffId: string;
  name: string;
  email: string;
}

export interface Skill {
  id: string;
  name: string;
  category: SkillCategory;
  description: string | null;
  /**
   * R2: months an assessment of this skill counts (HIPAA training: 12); null: the department's
   * `assessmentValidityMonths` applies.
   */
  reassessMonths: number | null;
  version: number;
}

export interface SkillLevel {
  skillId: string;
  level: number;
}

export interface CredentialType {
  id: string;
  code: string;
  name: string;
  issuingBody: string;
  baseCeus: number;
  evidencesSkills: SkillLevel[];
  /**
   * R12: ids of the credential types this one supersedes (AHIMA: RHIA supersedes RHIT); a
   * superseded type held in the same CE group adds no hours.
   */
  supersedes: string[];
  version: number;
}

export interface CeMinimum {
  categories: string[];
  hours?: number | null;
  share?: number | null;
}

/** R18: one state that follows an expiry (AHIMA: `inactive` for 180 days). */
export interface AfterLapseStep {
  /** the body's word for the state: inactive, grace ... */
  state: string;
  /** how many days it lasts, at least 1 */
  days: number;
}

export interface CeRule {
  id: string;
  issuingBody: string;
  cycleMonths: number;
  extraPerAdditional: number;
  cap: number | null;
  minimums: CeMinimum[];
  /**
   * R18: the states an expired credential of this body goes through, in order, starting the day
   * after its expiry date; after the last one the body has revoked it. Empty: none (NCRA).
   */
  afterLapse: AfterLapseStep[];
  version: number;
}

export interface Role {
  id: string;
  name: string;
  description: string | null;
  requirements: Requirement[];
  version: number;
}

export interface CoverageTarget {
  requirement: Requirement;
  minHolders: number;
}

export interface Team {
  id: string;
  name: string;
  managerStaffIds: string[];
  coverageTargets: CoverageTarget[];
  version: number;
}

export interface Staff {
  id: string;
  name: string;
  email: string;
  employeeId: string | null;
  teamId: string;
  roleId: string;
  status: StaffStatus;
  hireDate: IsoDate;
  version: number;
}

/**
 * What the caller may do to one member, as the API would answer each write (`GET /staff/:id`
 * → `can`): the dashboard offers exactly these, so nobody is offered an action that is refused.
 */
export interface MemberActions {
  /** PATCH /staff/:id (name, team, role, status, hire date) */
  editProfile: boolean;
  /** PATCH /staff/:id with status 'terminated' (false when already terminated) */
  terminate: boolean;
  /** DELETE /staff/:id: an admin, and only while nothing refers to the member */
  delete: boolean;
  /** POST /staff/:id/credentials, PATCH and DELETE (revoke) of their credentials */
  addCredential: boolean;
  /** POST /staff/:id/credentials/self-reported: the member, where the department allows it */
  reportOwnCredential: boolean;
  /** a credential sent with `verification` (never one's own) */
  verifyCredential: boolean;
  /** POST /staff/:id/assessments with source 'manager' (never of one's own skills) */
  addAssessment: boolean;
  /** POST /staff/:id/assessments with source 'self' (the member only) */
  addSelfAssessment: boolean;
  /** POST /staff/:id/ce-activities (submitted for review) */
  logCe: boolean;
  /** POST /staff/:id/ce-activities with status 'approved' */
  approveCeAtOnce: boolean;
  /** approve or reject the member's CE activities submitted while on their current team */
  reviewCe: boolean;
  /** attach evidence files to the member's credentials and CE activities */
  uploadEvidence: boolean;
}

/** One member as `GET /staff/:id` answers: the record and what the caller may do to it. */
export interface StaffDetail extends Staff {
  can: MemberActions;
}

export interface Assessment {
  id: string;
  staffId: string;
  skillId: string;
  level: number;
  assessedOn: IsoDate;
  source: AssessmentSource;
  note: string | null;
  assessedByUserId: string | null;
  recordedAt: IsoTimestamp;
}

export interface Verification {
  method: VerificationMethod;
  verifiedOn: IsoDate;
  verifiedByUserId?: string | null;
  note?: string | null;
  /** the credential's verificationReference: a lookup URL or a confirmation number */
  reference?: string | null;
}

export interface Credential {
  id: string;
  staffId: string;
  credentialTypeId: string;
  number: string | null;
  issuedOn: IsoDate;
  expiresOn: IsoDate | null;
  verification: Verification | null;
  revokedOn: IsoDate | null;
  revokedReason: string | null;
  hasEvidence: boolean;
  /**
   * R18: where the credential stands with its issuing body today when it has expired (inactive
   * until ..., grace until ..., revoked by the body); null when it has not expired, was revoked
   * in the product, was renewed by a current credential of the same type, or its body describes
   * no states.
   */
  afterLapse: AfterLapseState | null;
  version: number;
}

export interface CeActivity {
  id: string;
  staffId: string;
  /** who logged it (the member, or a manager logging for them) */
  createdByUserId: string | null;
  title: string;
  provider: string;
  completedOn: IsoDate;
  hours: number;
  categories: string[];
  credentialIds: string[];
  status: CeReviewStatus;
  reviewNote: string | null;
  reviewedByUserId: string | null;
  reviewedAt: IsoTimestamp | null;
  hasEvidence: boolean;
  version: number;
}

export interface User {
  id: string;
  email: string;
  role: UserRole;
  staffId: string | null;
  active: boolean;
  version: number;
}

export interface AuditEvent {
  id: string;
  at: IsoTimestamp;
  userId: string | null;
  userEmail: string | null;
  /**
   * `login-failed`: a refused sign-in of a known account; `link`: an account linked to its
   * identity-provider account or to a staff record at sign-in; `role-change`: a role the
   * provider's groups changed at sign-in; `password-reset`: a password set through an e-mailed link
   */
  action:
    | 'create'
    | 'update'
    | 'delete'
    | 'revoke'
    | 'review'
    | 'login'
    | 'logout'
    | 'export'
    | 'login-failed'
    | 'link'
    | 'role-change'
    | 'password-reset';
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  note: string | null;
}

/** An entry of the review queue (`GET /ce-activities?status=submitted`). */
export interface CeActivityQueueItem extends CeActivity {
  staffName: string;
  teamId: string;
  /** when it was logged, the time the queue sorts by (oldest first) */
  submittedAt: IsoTimestamp;
}

// ---------- analysis ----------

export interface TargetsMet {
  met: number;
  total: number;
}

/** The counts behind `staffReadyPct`: active members ready, of all active members (R6, R8). */
export interface StaffReadyCount {
  ready: number;
  total: number;
}

/** The counts behind `requirementsMetPct`: requirements met, of all requirements of active members. */
export interface RequirementsMetCount {
  met: number;
  total: number;
}

/** R8 figures; a figure whose denominator is 0 is null. */
export interface Figures {
  staffReadyPct: number | null;
  requirementsMetPct: number | null;
  targetsMet: TargetsMet;
  /** staffReadyPct's numerator and denominator, so no client adds them up again */
  staffReady: StaffReadyCount;
  /** requirementsMetPct's numerator and denominator */
  requirementsMet: RequirementsMetCount;
}

export interface TeamFigures extends Figures {
  teamId: string;
  name: string;
  activeStaff: number;
}

export interface MemberReadiness {
  staffId: string;
  name: string;
  teamId: string;
  roleId: string;
  met: number;
  total: number;
  ready: boolean;
  missing: Requirement[];
}

export interface TargetCoverage {
  teamId: string;
  requirement: Requirement;
  minHolders: number;
  holders: number;
  /** staff ids of the holders */
  holderIds: string[];
  gap: number;
  singlePointOfFailure: boolean;
}

export interface SinglePointOfFailure {
  teamId: string;
  requirement: Requirement;
  staffId: string;
}

export interface ForecastPoint extends Figures {
  days: number;
  date: IsoDate;
  /** credentials current on asOf that are no longer current on this date (R9 "who will have lapsed") */
  lapsed: LapsedCredential[];
  /**
   * Only on a named date (`surveyDate`): active members ready on asOf who are not ready on this
   * date, with the requirements they miss then, in the department's member order.
   */
  membersNoLongerReady?: MemberNoLongerReady[];
  /** Only on a named date: coverage targets met on asOf that are not met on this date (R7). */
  targetsFallingShort?: TargetFallingShort[];
}

export interface MemberNoLongerReady {
  staffId: string;
  teamId: string;
  missing: Requirement[];
}

export interface TargetFallingShort {
  teamId: string;
  requirement: Requirement;
  minHolders: number;
  /** holders on the date */
  holders: number;
}

export interface LapsedCredential {
  staffId: string;
  credentialId: string;
  credentialTypeId: string;
  expiresOn: IsoDate;
}

/** One member's readiness (R6) as of a day: `GET /staff/:staffId/readiness`. */
export interface MemberReadinessAnswer {
  asOf: IsoDate;
  staffId: string;
  /** null when the member is not active (R1: only active members are evaluated) */
  readiness: MemberReadiness | null;
}

export interface ReadinessResponse extends Figures {
  asOf: IsoDate;
  teams: TeamFigures[];
  members: MemberReadiness[];
  /** active members are above; staff on leave are listed separately (R1) */
  onLeave: MemberOnLeave[];
  targets: TargetCoverage[];
  singlePointsOfFailure: SinglePointOfFailure[];
  forecast: ForecastPoint[];
}

/** A member as a training gap lists them. */
export interface GapPerson {
  staffId: string;
  name: string;
  teamId: string;
}

/**
 * One thing a team should train on: a requirement of members' roles that some of them miss
 * (`role`), or a coverage target without enough holders (`coverage`).
 */
export interface TrainingGap {
  kind: 'role' | 'coverage';
  requirement: Requirement;
  /** coverage: holders the team still needs (its target's gap); role: the members missing it */
  needed: number;
  /** role: the members whose role requires it and who miss it; coverage: the team's active members without it */
  members: GapPerson[];
  /** active members who meet it, the team's own first, then other teams' (at most five) */
  nearestHolders: GapPerson[];
  /** every active member of the department who meets it */
  holdersInDepartment: number;
}

export interface TeamTrainingGaps {
  teamId: string;
  name: string;
  activeStaff: number;
  /** coverage gaps first, then role requirements missed by the most members */
  gaps: TrainingGap[];
}

/** `GET /readiness/gaps`: who to train on what, per team. */
export interface TrainingGapsResponse {
  asOf: IsoDate;
  teams: TeamTrainingGaps[];
}

/** Something that falls due: a credential's expiry, or a CE cycle's end with hours still missing. */
export interface Deadline {
  kind: 'credential-expiry' | 'ce-cycle-end';
  date: IsoDate;
  staffId: string;
  staffName: string;
  teamId: string;
  issuingBody: string;
  /** the credential's code, or the CE group's codes ("RHIA, CCS") */
  credentials: string;
  /** CE cycle end: hours still to earn (approved hours counted); expiry: null */
  hoursMissing: number | null;
  /** expiry: whether the credential is verified; CE: null */
  verified: boolean | null;
}

/** `GET /deadlines`: what falls due from asOf through `until` (twelve months), soonest first. */
export interface DeadlinesResponse {
  asOf: IsoDate;
  until: IsoDate;
  deadlines: Deadline[];
}

export interface SkillsMatrixCell {
  skillId: string;
  level: number;
  /** level the member's role requires, null when the role has no requirement for this skill */
  requiredLevel: number | null;
  /** where the level came from */
  source: 'assessment-manager' | 'assessment-self' | 'credential' | 'none';
}

export interface SkillsMatrixRow {
  staffId: string;
  name: string;
  teamId: string;
  roleId: string;
  status: StaffStatus;
  cells: SkillsMatrixCell[];
}

export interface SkillsMatrixResponse {
  asOf: IsoDate;
  skills: { id: string; name: string; category: SkillCategory }[];
  rows: SkillsMatrixRow[];
}

export interface CeMinimumStatus {
  categories: string[];
  requiredHours: number;
  earnedHours: number;
  met: boolean;
}

export interface CeGroup {
  staffId: string;
  issuingBody: string;
  credentialIds: string[];
  credentialTypeCodes: string[];
  cycleStart: IsoDate;
  cycleEnd: IsoDate;
  required: number;
  earned: number;
  pending: number;
  remaining: number;
  pace: number;
  status: CeGroupStatus;
  minimums: CeMinimumStatus[];
  /** ids of the approved activities counted (R13) */
  countedActivityIds: string[];
}

export interface Expiration {
  credentialId: string;
  staffId: string;
  staffName: string;
  teamId: string;
  credentialTypeId: string;
  credentialTypeCode: string;
  number: string | null;
  expiresOn: IsoDate;
  daysLeft: number;
  verified: boolean;
}

/**
 * R18: where an expired credential stands with its issuing body on a day: in a state of the
 * body's sequence (`inactive` until 2027-05-30, can still be reinstated), or revoked by the body
 * once the sequence is over.
 */
export interface AfterLapseState {
  /** the state's word (inactive, grace ...), or `revoked` once the sequence is over */
  state: string;
  /** first day of the state */
  since: IsoDate;
  /** last day of the state; null for `revoked`, which does not end */
  until: IsoDate | null;
  /** day of the state on the day asked, 1 on `since` */
  day: number;
  /** true while a state of the sequence lasts; false once revoked by the body */
  canBeReinstated: boolean;
}

/**
 * R2 reassessment due: the latest competence assessment of a member in a skill whose counting
 * period ends within the warning window (or has already ended: overdue).
 */
export interface ReassessmentDue {
  staffId: string;
  staffName: string;
  teamId: string;
  skillId: string;
  skillName: string;
  level: number;
  source: AssessmentSource;
  assessedOn: IsoDate;
  /** last day the assessment counts: assessedOn + the validity months, clamped to the month's end */
  dueBy: IsoDate;
  /** first day it no longer counts (dueBy + 1) */
  lapsesOn: IsoDate;
  /** days from the day asked to dueBy; negative when overdue */
  daysLeft: number;
  /** dueBy is before the day asked: the assessment no longer counts */
  overdue: boolean;
}

/** R17: the lowest value of a figure over a survey window and the first day it is reached. */
export interface WindowLowest<T> {
  value: T;
  /** the first day of the window on which the figure has this value */
  firstOn: IsoDate;
}

/** R17: a coverage target that fails on some day of the window. */
export interface SurveyWindowTarget {
  requirement: Requirement;
  minHolders: number;
  /** the first day of the window with fewer holders than minHolders */
  firstFailingOn: IsoDate;
  /** holders on firstFailingOn */
  holdersThen: number;
  /** the fewest holders on any day of the window */
  fewestHolders: number;
}

/** R17: a team with at least one coverage target failing on some day of the window. */
export interface SurveyWindowTeam {
  teamId: string;
  name: string;
  /** the earliest firstFailingOn of its targets */
  firstFailingOn: IsoDate;
  targets: SurveyWindowTarget[];
}

/** R17: a credential current on the window's first day that stops being current inside it. */
export interface WindowCredentialLapse {
  kind: 'credential';
  staffId: string;
  credentialId: string;
  credentialTypeId: string;
  expiresOn: IsoDate | null;
  revokedOn: IsoDate | null;
  /** the first day it is not current (expiresOn + 1, or revokedOn) */
  lapsesOn: IsoDate;
}

/** R17: an assessment counting on the window's first day whose counting period ends inside it (R2). */
export interface WindowAssessmentLapse {
  kind: 'assessment';
  staffId: string;
  skillId: string;
  level: number;
  source: AssessmentSource;
  assessedOn: IsoDate;
  /** the last day it counts */
  dueBy: IsoDate;
  /** the first day it no longer counts */
  lapsesOn: IsoDate;
}

export type WindowLapse = WindowCredentialLapse | WindowAssessmentLapse;

/**
 * R17 `GET /readiness/window?from=&to=`: under the assumptions of R9 (nothing renews, is earned
 * or assessed after asOf), the lowest R8 figures on any day of [from, to], the teams whose
 * coverage targets fail on some day of it, and what lapses inside it.
 */
export interface SurveyWindowResponse {
  asOf: IsoDate;
  from: IsoDate;
  to: IsoDate;
  /** the R8 figures on `from` */
  onFrom: Figures;
  staffReadyPct: WindowLowest<number | null>;
  requirementsMetPct: WindowLowest<number | null>;
  /** compared as met / total; total is the same on every day of the window */
  targetsMet: WindowLowest<TargetsMet>;
  /** by team name; targets in the team's order */
  teams: SurveyWindowTeam[];
  /** soonest first, then by member name */
  lapses: WindowLapse[];
  /** days evaluated: `from` and each later day of the window on which a figure can change */
  evaluatedDays: number;
}

export interface HealthResponse {
  status: 'ok';
  database: 'up' | 'down';
  version: string;
}

// ---------- reports ----------

/** `GET /reports/compliance?format=`: CSV (one row per member-credential), XLSX (a sheet per section), PDF. */
export const REPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `GET /reports/compliance?paper=` for the PDF (default letter). */
export const REPORT_PAPER_SIZES = ['letter', 'a4'] as const;
export type ReportPaperSize = (typeof REPORT_PAPER_SIZES)[number];

/**
 * The query of `GET /reports/compliance` (DOMAIN.md, Reports). Scope: the department (none of
 * teamId, roleId, staffId), one team, one role or one member; staff always get their own report.
 */
export interface ComplianceReportQuery {
  /** default: today in the department's time zone */
  asOf?: IsoDate;
  teamId?: string;
  roleId?: string;
  staffId?: string;
  /** default csv */
  format?: ReportFormat;
  /** PDF only; default letter */
  paper?: ReportPaperSize;
}

/** What a compliance report covers, as the audit event of an export records it (`after.scope`). */
export interface ComplianceReportScope {
  kind: 'department' | 'team' | 'role' | 'member';
  /** the team, role or member id; null for the department */
  id: string | null;
  /** the scope in words: "Department", "Team: Coding", "Member: Miguel Álvarez" */
  label: string;
}

// ---------- calendar feeds ----------

/** `self`: the holder's own deadlines; `teams`: those of the teams a manager manages (admin: the department). */
export const CALENDAR_TOKEN_SCOPES = ['self', 'teams'] as const;
export type CalendarTokenScope = (typeof CALENDAR_TOKEN_SCOPES)[number];

export interface CreateCalendarTokenRequest {
  label?: string;
  scope: CalendarTokenScope;
}

/** A calendar feed token as listed: never the secret itself. */
export interface CalendarToken {
  id: string;
  /** the account the feed belongs to */
  userId: string;
  label: string | null;
  scope: CalendarTokenScope;
  createdAt: IsoTimestamp;
  lastUsedAt: IsoTimestamp | null;
  revokedAt: IsoTimestamp | null;
}

/** The answer to `POST /calendar-tokens`, the only time the secret is shown. */
export interface CreatedCalendarToken extends CalendarToken {
  token: string;
  /** path of the iCalendar feed on this server, `/api/v1/calendar/<token>.ics` */
  feedUrl: string;
}

// ---------- evidence files ----------

export const EVIDENCE_OWNER_KINDS = ['credential', 'ce-activity'] as const;
export type EvidenceOwnerKind = (typeof EVIDENCE_OWNER_KINDS)[number];

/** The record an evidence file is attached to. */
export interface EvidenceTarget {
  kind: EvidenceOwnerKind;
  id: string;
}

/** What an evidence file may be, recognised by its content (not its name). */
export const EVIDENCE_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number];

/** An attached certificate or verification document (metadata; the content is `GET /evidence/:id`). */
export interface EvidenceFile {
  id: string;
  ownerKind: EvidenceOwnerKind;
  ownerId: string;
  staffId: string;
  originalName: string;
  contentType: EvidenceContentType;
  sizeBytes: number;
  /** SHA-256 of the content, lowercase hex */
  sha256: string;
  uploadedByUserId: string | null;
  uploadedAt: IsoTimestamp;
  /** may the caller delete it (managers and admins; the member their own upload until it is reviewed) */
  canDelete: boolean;
}

// ---------- import (docs/import.md) ----------

/** What `POST /import/:kind` loads from a CSV or XLSX file. */
export const IMPORT_KINDS = [
  'staff',
  'credentials',
  'ce-activities',
  'assessments',
  'role-requirements',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** `dry-run` checks every row and writes nothing; `commit` applies all rows or none. */
export const IMPORT_MODES = ['dry-run', 'commit'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const IMPORT_FILE_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFileFormat = (typeof IMPORT_FILE_FORMATS)[number];

/** One column of an import file: the header a spreadsheet user writes, and what goes under it. */
export interface ImportColumn {
  /** stable id of the column (the API field it fills, or the lookup it names) */
  key: string;
  /** the header as the template writes it */
  label: string;
  /** a required column must be in the header row and filled on every row */
  required: boolean;
  hint: string;
}

/** The columns of each kind, in template order (the API and the dashboard read the same list). */
export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  staff: [
    {
      key: 'employeeId',
      label: 'Employee ID',
      required: true,
      hint: 'the HR system id; matches an existing member',
    },
    { key: 'name', label: 'Name', required: true, hint: 'full name' },
    { key: 'email', label: 'Email', required: true, hint: 'unique in the department' },
    { key: 'team', label: 'Team', required: true, hint: 'a team of the department, by name' },
    { key: 'role', label: 'Role', required: true, hint: 'a job role of the department, by name' },
    { key: 'status', label: 'Status', required: true, hint: 'active, leave or terminated' },
    { key: 'hireDate', label: 'Hire date', required: true, hint: 'YYYY-MM-DD or an Excel date' },
  ],
  credentials: [
    { key: 'employeeId', label: 'Employee ID', required: true, hint: 'the holder, by employee id' },
    {
      key: 'credentialType',
      label: 'Credential type (code)',
      required: true,
      hint: 'a credential type code (CCS) or name',
    },
    {
      key: 'number',
      label: 'Number',
      required: true,
      hint: 'the credential number; with the type it matches an existing credential',
    },
    { key: 'issuedOn', label: 'Issued on', required: true, hint: 'YYYY-MM-DD or an Excel date' },
    { key: 'expiresOn', label: 'Expires on', required: false, hint: 'empty: does not expire' },
    {
      key: 'verificationMethod',
      label: 'Verification method',
      required: false,
      hint: 'primary-source or certificate-copy; empty: not verified',
    },
    {
      key: 'verifiedOn',
      label: 'Verified on',
      required: false,
      hint: 'with a verification method; not in the future',
    },
    {
      key: 'verificationReference',
      label: 'Verification source',
      required: false,
      hint: 'with a verification method: the lookup URL or confirmation number',
    },
  ],
  'ce-activities': [
    { key: 'employeeId', label: 'Employee ID', required: true, hint: 'the member, by employee id' },
    { key: 'title', label: 'Title', required: true, hint: 'the activity' },
    { key: 'provider', label: 'Provider', required: true, hint: 'who gave it (AHIMA, AAPC ...)' },
    {
      key: 'completedOn',
      label: 'Completed on',
      required: true,
      hint: 'YYYY-MM-DD or an Excel date; not in the future',
    },
    {
      key: 'hours',
      label: 'Hours',
      required: true,
      hint: 'CEU hours, more than 0, at most two decimals',
    },
    {
      key: 'categories',
      label: 'Categories (semicolon-separated)',
      required: false,
      hint: 'e.g. hiim-domain; ahima-provided',
    },
    {
      key: 'credentialNumbers',
      label: 'Credential numbers',
      required: false,
      hint: "numbers of the member's credentials it is meant for, semicolon-separated",
    },
    {
      key: 'status',
      label: 'Status',
      required: false,
      hint: "empty or submitted: awaits review; approved: approved at once (reviewers of the member's team only)",
    },
  ],
  assessments: [
    { key: 'employeeId', label: 'Employee ID', required: true, hint: 'the member, by employee id' },
    { key: 'skill', label: 'Skill', required: true, hint: 'a skill of the department, by name' },
    {
      key: 'level',
      label: 'Level',
      required: true,
      hint: '0 to 4, or None, Awareness, Working, Proficient, Expert',
    },
    {
      key: 'assessedOn',
      label: 'Assessed on',
      required: true,
      hint: 'YYYY-MM-DD or an Excel date; not in the future',
    },
    {
      key: 'source',
      label: 'Source',
      required: true,
      hint: "manager (a 'self' assessment only the member records)",
    },
    { key: 'note', label: 'Note', required: false, hint: 'optional' },
  ],
  'role-requirements': [
    { key: 'role', label: 'Role', required: true, hint: 'a job role of the department, by name' },
    {
      key: 'skill',
      label: 'Skill',
      required: false,
      hint: 'a skill requirement: the skill, by name (leave empty for a credential requirement)',
    },
    {
      key: 'level',
      label: 'Level',
      required: false,
      hint: 'with a skill: 0 to 4, or None, Awareness, Working, Proficient, Expert',
    },
    {
      key: 'credentialTypes',
      label: 'Credential types (any of)',
      required: false,
      hint: 'a credential requirement: type codes or names, semicolon-separated; a current credential of any one meets it',
    },
    {
      key: 'verifiedOnly',
      label: 'Verified only',
      required: false,
      hint: 'with credential types: yes if only a verified credential meets it (primary-source verification required by the job description); empty or no otherwise',
    },
  ],
};

/** A problem with one cell (or row) of the file; `line` as a spreadsheet shows it, the header being line 1. */
export interface ImportRowError {
  line: number;
  /** the column's header as written in the file */
  field: string;
  message: string;
}

export interface ImportFieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

/** One planned (dry run) or applied (commit) change. */
export interface ImportPreviewItem {
  line: number;
  action: 'create' | 'update';
  /** what identifies the record: `E-10442`, `CCS 12345678`, ... */
  key: string;
  /** the row's values by column label, as they will be stored */
  values: Record<string, string | null>;
  /** an update's changed fields; empty for a create */
  changes: ImportFieldChange[];
}

export interface ImportResult {
  kind: ImportKind;
  mode: ImportMode;
  fileName: string;
  /** data rows in the file (blank rows are skipped) */
  rows: number;
  /** the first problems found (at most 1,000); `errorCount` counts them all */
  errors: ImportRowError[];
  errorCount: number;
  create: number;
  update: number;
  unchanged: number;
  /** the first 20 changes */
  preview: ImportPreviewItem[];
  /** commit: the id of the import's audit event (entity `import`); dry run: null */
  importId: string | null;
}

/** A commit refused because a row has a problem: 400, nothing written. */
export interface ImportRejection extends ImportResult {
  statusCode: 400;
  error: 'Bad Request';
  /** the same problems as sentences: `line 4, Team: no team named "Codng"` */
  message: string[];
}

/** `GET /readiness?members=`: which member rows a page holds. */
export const READINESS_MEMBER_FILTERS = ['all', 'ready', 'not-ready'] as const;
export type ReadinessMemberFilter = (typeof READINESS_MEMBER_FILTERS)[number];

/** `GET /readiness?teams=managed`: only the teams the caller manages (every team for an admin). */
export const READINESS_TEAM_SCOPES = ['managed'] as const;
export type ReadinessTeamScope = (typeof READINESS_TEAM_SCOPES)[number];

/** `GET /readiness?view=`: `full` (every member row, for integrations) or `summary`. */
export const READINESS_VIEWS = ['full', 'summary'] as const;
export type ReadinessView = (typeof READINESS_VIEWS)[number];

/** The figures of another day asked with `compare=` (R8 as of that day). */
export interface ReadinessComparison extends Figures {
  asOf: IsoDate;
}

/**
 * `GET /readiness/snapshots`: the figures recorded on one day (the department's day), under the
 * rules of that day: a requirement added since does not change them.
 */
export interface ReadinessSnapshot extends Figures {
  takenOn: IsoDate;
  /** when the figures were last recorded that day */
  recordedAt: IsoTimestamp;
  /** each team's figures that day (those of the scope asked for) */
  teams: TeamFigures[];
}

/** A change of what members must hold: a role's requirements or a team's coverage targets (audit trail). */
export interface RequirementChange {
  /** the department's day it was made on */
  on: IsoDate;
  at: IsoTimestamp;
  kind: 'role-requirements' | 'coverage-targets';
  /** the role's or team's name */
  name: string;
}

/** `GET /readiness/snapshots?from&to`: the recorded days in the window, oldest first, and the requirement changes in it. */
export interface ReadinessSnapshotsResponse {
  from: IsoDate;
  to: IsoDate;
  points: ReadinessSnapshot[];
  requirementChanges: RequirementChange[];
}

/** The team figures of another day asked with `compare=` (each team's change since then). */
export interface ReadinessTeamComparison {
  asOf: IsoDate;
  teams: TeamFigures[];
}

/** A member on leave as the readiness answers list them (R1: not counted). */
export interface MemberOnLeave {
  staffId: string;
  name: string;
  teamId: string;
  roleId: string;
}

/**
 * `GET /readiness?view=summary`: what the dashboard shows without a member list. Member rows come
 * in pages (`members=not-ready&limit=&offset=`), the names of the members the summary mentions
 * (target holders, single points of failure, lapsed credentials, members no longer ready on a
 * survey date) in `people`. One request answers an overview: `surveyDate=` adds the survey's
 * forecast point (who and which teams stop being ready by then), `compare=` other days' figures.
 */
export interface ReadinessSummaryResponse extends Figures {
  asOf: IsoDate;
  view: 'summary';
  activeStaff: number;
  notReadyStaff: number;
  onLeaveStaff: number;
  teams: TeamFigures[];
  targets: TargetCoverage[];
  singlePointsOfFailure: SinglePointOfFailure[];
  forecast: ForecastPoint[];
  people: { staffId: string; name: string; teamId: string }[];
  /** the members on leave, listed apart as in the full form (R1) */
  onLeave: MemberOnLeave[];
  /** the figures on each `compare=` day, in the order asked */
  comparisons: ReadinessComparison[];
  /** the team figures on each `compare=` day, in the same order */
  comparisonTeams: ReadinessTeamComparison[];
  /** the page of member rows asked with `members=` (absent without it) */
  memberPage?: { items: MemberReadiness[]; total: number; limit: number; offset: number };
}
