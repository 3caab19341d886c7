/**
 * The demo department: a believable hospital HIM department (Riverside Regional Medical
 * Center) with its catalog, people, credentials, assessments and CE log.
 *
 * `buildDemoDepartment(today)` is pure and deterministic: every date is an offset from
 * `today`, so the demo always looks live (credentials lapse next week, CE cycles end next
 * month) whatever day it is seeded. Records refer to each other by symbolic keys; the loader
 * (`seed-demo.ts`) turns them into ids.
 *
 * Sources: `shared/seed/him-careers-article.txt` for roles and skills (its claim that AAPC
 * offers the CCS is wrong: the CCS is AHIMA's) and `shared/spec/credentials.md` for the
 * credential types, CE rules and the credentials typical of each role.
 */
import type { IsoDate } from '@him/contracts';

export type DemoRequirement =
  | { kind: 'skill'; skillKey: string; minLevel: number }
  | { kind: 'credential'; anyOfCodes: string[] };

export interface DemoDepartment {
  department: {
    name: string;
    timeZone: string;
    requireVerification: boolean;
    expiryWarningDays: number;
    reminderLeadDays: number[];
  };
  skills: {
    key: string;
    name: string;
    category: 'technical' | 'regulatory' | 'soft';
    description: string;
  }[];
  credentialTypes: {
    code: string;
    name: string;
    issuingBody: string;
    baseCeus: number;
    evidencesSkills: { skillKey: string; level: number }[];
  }[];
  ceRules: {
    issuingBody: string;
    cycleMonths: number;
    extraPerAdditional: number;
    cap: number | null;
    minimums: { categories: string[]; hours?: number; share?: number }[];
  }[];
  roles: { key: string; name: string; description: string; requirements: DemoRequirement[] }[];
  teams: {
    key: string;
    name: string;
    managerStaffKeys: string[];
    coverageTargets: { requirement: DemoRequirement; minHolders: number }[];
  }[];
  staff: {
    key: string;
    name: string;
    email: string;
    employeeId: string;
    teamKey: string;
    roleKey: string;
    status: 'active' | 'leave' | 'terminated';
    hireDate: string;
  }[];
  credentials: {
    key: string;
    staffKey: string;
    code: string;
    number: string;
    issuedOn: string;
    expiresOn: string | null;
    verification: { method: 'primary-source' | 'certificate-copy'; verifiedOn: string } | null;
    revokedOn?: string;
    revokedReason?: string;
  }[];
  assessments: {
    staffKey: string;
    skillKey: string;
    level: number;
    assessedOn: string;
    source: 'self' | 'manager';
    note?: string;
  }[];
  ceActivities: {
    staffKey: string;
    title: string;
    provider: string;
    completedOn: string;
    hours: number;
    categories: string[];
    credentialKeys: string[];
    status: 'submitted' | 'approved' | 'rejected';
    reviewNote?: string;
  }[];
  users: {
    email: string;
    role: 'admin' | 'manager' | 'staff';
    staffKey: string | null;
    password: string;
    label: string;
  }[];
}

export type DemoSkill = DemoDepartment['skills'][number];
export type DemoCredentialType = DemoDepartment['credentialTypes'][number];
export type DemoRole = DemoDepartment['roles'][number];
export type DemoTeam = DemoDepartment['teams'][number];
export type DemoStaff = DemoDepartment['staff'][number];
export type DemoCredential = DemoDepartment['credentials'][number];
export type DemoAssessment = DemoDepartment['assessments'][number];
export type DemoCeActivity = DemoDepartment['ceActivities'][number];
export type DemoUser = DemoDepartment['users'][number];

/** The key of a demo credential: one credential type per holder. */
export function demoCredentialKey(staffKey: string, code: string): string {
  return `${staffKey}:${code}`;
}

// ---------- calendar dates (YYYY-MM-DD, UTC arithmetic, never the wall clock) ----------

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtcMs(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  const ms = match ? Date.UTC(+match[1], +match[2] - 1, +match[3]) : Number.NaN;
  if (Number.isNaN(ms) || fromUtcMs(ms) !== date) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  }
  return ms;
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Same day `months` later, clamped to the last day of a shorter month. */
function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return fromUtcMs(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)));
}

function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

function earlierOf(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** Days in `years` calendar years, near enough for hire and exam dates. */
function years(n: number): number {
  return Math.round(n * 365.25);
}

/** FNV-1a: a stable spread for credential numbers and assessment dates (no randomness). */
function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

// ---------- catalog: skills, credential types, CE rules ----------

const SKILLS: DemoSkill[] = [
  {
    key: 'ehr',
    name: 'EHR management',
    category: 'technical',
    description:
      'Implementing, maintaining and training staff on electronic health record systems so patient data stays accurate and accessible.',
  },
  {
    key: 'icd10cm',
    name: 'ICD-10-CM diagnosis coding',
    category: 'technical',
    description:
      'Assigning ICD-10-CM codes that classify diseases and health conditions from the documentation.',
  },
  {
    key: 'icd10pcs',
    name: 'ICD-10-PCS procedure coding',
    category: 'technical',
    description:
      'Assigning ICD-10-PCS codes to inpatient procedures for reimbursement and reporting.',
  },
  {
    key: 'cpt',
    name: 'CPT coding',
    category: 'technical',
    description: 'Coding medical procedures and services with Current Procedural Terminology.',
  },
  {
    key: 'hcpcs',
    name: 'HCPCS coding',
    category: 'technical',
    description:
      'Coding non-physician services such as ambulance services and durable medical equipment with HCPCS Level II.',
  },
  {
    key: 'data-analysis',
    name: 'Data analysis and reporting',
    category: 'technical',
    description:
      'Collecting and interpreting health data to find trends, patterns and anomalies, and reporting findings to stakeholders.',
  },
  {
    key: 'data-governance',
    name: 'Health data governance',
    category: 'technical',
    description:
      'Keeping health data accurate, consistent and controlled across systems: data quality, stewardship and integrity.',
  },
  {
    key: 'hipaa',
    name: 'HIPAA privacy and security',
    category: 'regulatory',
    description:
      'Keeping patient information confidential and secure, safeguarding electronic health information and training staff on HIPAA.',
  },
  {
    key: 'cms',
    name: 'CMS regulations',
    category: 'regulatory',
    description:
      "Applying the Centers for Medicare & Medicaid Services' guidelines for billing and reimbursement.",
  },
  {
    key: 'joint-commission',
    name: 'Joint Commission standards',
    category: 'regulatory',
    description:
      'Complying with the standards the Joint Commission sets for healthcare organizations.',
  },
  {
    key: 'state-regs',
    name: 'State health-information regulations',
    category: 'regulatory',
    description:
      'Knowing the state-specific laws that govern health information, such as Illinois confidentiality and reporting laws.',
  },
  {
    key: 'ethics-roi',
    name: 'Ethics and release of information',
    category: 'regulatory',
    description:
      'Balancing data sharing against the duty to protect privacy: informed consent, authorizations and releasing records only when authorized.',
  },
  {
    key: 'communication',
    name: 'Communication and interpersonal skills',
    category: 'soft',
    description:
      'Bridging clinical, administrative and IT staff: collaborating, educating on documentation and resolving conflicts constructively.',
  },
  {
    key: 'attention-to-detail',
    name: 'Attention to detail',
    category: 'soft',
    description:
      'Thorough review of records, codes and reports, spotting discrepancies and keeping to established standards.',
  },
  {
    key: 'problem-solving',
    name: 'Problem solving',
    category: 'soft',
    description:
      'Analytical thinking to find root causes, creative solutions to obstacles and adapting to change.',
  },
];

const AHIMA = 'AHIMA';
const AAPC = 'AAPC';
const NCRA = 'NCRA';
const ACDIS = 'ACDIS';

const ev = (skillKey: string, level: number) => ({ skillKey, level });

const CREDENTIAL_TYPES: DemoCredentialType[] = [
  {
    code: 'RHIA',
    name: 'Registered Health Information Administrator',
    issuingBody: AHIMA,
    baseCeus: 30,
    evidencesSkills: [ev('ehr', 3), ev('hipaa', 3)],
  },
  {
    code: 'RHIT',
    name: 'Registered Health Information Technician',
    issuingBody: AHIMA,
    baseCeus: 20,
    evidencesSkills: [ev('ehr', 2), ev('hipaa', 2)],
  },
  {
    code: 'CCS',
    name: 'Certified Coding Specialist',
    issuingBody: AHIMA,
    baseCeus: 20,
    evidencesSkills: [ev('icd10cm', 3), ev('icd10pcs', 3)],
  },
  {
    code: 'CCS-P',
    name: 'Certified Coding Specialist – Physician-based',
    issuingBody: AHIMA,
    baseCeus: 20,
    evidencesSkills: [ev('cpt', 3), ev('hcpcs', 3), ev('icd10cm', 2)],
  },
  {
    code: 'CCA',
    name: 'Certified Coding Associate',
    issuingBody: AHIMA,
    baseCeus: 20,
    evidencesSkills: [ev('icd10cm', 2), ev('cpt', 2)],
  },
  {
    code: 'CDIP',
    name: 'Certified Documentation Integrity Practitioner',
    issuingBody: AHIMA,
    baseCeus: 30,
    evidencesSkills: [ev('icd10cm', 3), ev('cms', 3)],
  },
  {
    code: 'CHDA',
    name: 'Certified Health Data Analyst',
    issuingBody: AHIMA,
    baseCeus: 30,
    evidencesSkills: [ev('data-analysis', 3), ev('data-governance', 2)],
  },
  {
    code: 'CHPS',
    name: 'Certified in Healthcare Privacy and Security',
    issuingBody: AHIMA,
    baseCeus: 30,
    evidencesSkills: [ev('hipaa', 4)],
  },
  {
    code: 'CPC',
    name: 'Certified Professional Coder',
    issuingBody: AAPC,
    baseCeus: 36,
    evidencesSkills: [ev('cpt', 3), ev('hcpcs', 3), ev('icd10cm', 2)],
  },
  {
    code: 'COC',
    name: 'Certified Outpatient Coder',
    issuingBody: AAPC,
    baseCeus: 36,
    evidencesSkills: [ev('cpt', 3), ev('hcpcs', 3), ev('icd10cm', 2)],
  },
  {
    code: 'CRC',
    name: 'Certified Risk Adjustment Coder',
    issuingBody: AAPC,
    baseCeus: 36,
    evidencesSkills: [ev('icd10cm', 3)],
  },
  {
    code: 'CPB',
    name: 'Certified Professional Biller',
    issuingBody: AAPC,
    baseCeus: 36,
    evidencesSkills: [ev('cms', 2)],
  },
  {
    code: 'CTR',
    name: 'Certified Tumor Registrar',
    issuingBody: NCRA,
    baseCeus: 20,
    // registrars report to the state cancer registry and abstract and analyse cases
    evidencesSkills: [ev('state-regs', 3), ev('data-analysis', 2), ev('icd10cm', 2)],
  },
  {
    code: 'CCDS',
    name: 'Certified Clinical Documentation Specialist',
    issuingBody: ACDIS,
    baseCeus: 30,
    evidencesSkills: [ev('icd10cm', 3), ev('cms', 3)],
  },
  {
    code: 'CCDS-O',
    name: 'Certified Clinical Documentation Specialist – Outpatient',
    issuingBody: ACDIS,
    baseCeus: 30,
    evidencesSkills: [ev('icd10cm', 3), ev('hcpcs', 2)],
  },
];

const CE_RULES: DemoDepartment['ceRules'] = [
  {
    issuingBody: AHIMA,
    cycleMonths: 24,
    extraPerAdditional: 10,
    cap: 50,
    minimums: [
      { categories: ['hiim-domain'], share: 0.8 },
      { categories: ['ahima-provided'], share: 0.4 },
    ],
  },
  { issuingBody: AAPC, cycleMonths: 24, extraPerAdditional: 4, cap: 52, minimums: [] },
  {
    issuingBody: NCRA,
    cycleMonths: 24,
    extraPerAdditional: 0,
    cap: null,
    minimums: [{ categories: ['ctr-category-a'], hours: 4 }],
  },
  { issuingBody: ACDIS, cycleMonths: 24, extraPerAdditional: 0, cap: null, minimums: [] },
];

// ---------- roles and teams ----------

const skill = (skillKey: string, minLevel: number): DemoRequirement => ({
  kind: 'skill',
  skillKey,
  minLevel,
});
const anyOf = (...anyOfCodes: string[]): DemoRequirement => ({ kind: 'credential', anyOfCodes });

const ROLES: DemoRole[] = [
  {
    key: 'records-clerk',
    name: 'Medical Records Clerk',
    description:
      'Entry point into HIM: collects, organizes and updates patient records in the EHR and retrieves them for treatment and billing. No credential required; RHIT or CCA welcome.',
    requirements: [skill('ehr', 2), skill('hipaa', 2), skill('attention-to-detail', 2)],
  },
  {
    key: 'him-technician',
    name: 'Health Information Technician',
    description:
      'Reviews records for completeness and accuracy, maintains patient databases and codes for billing. RHIT usually required.',
    requirements: [anyOf('RHIT', 'RHIA'), skill('ehr', 3), skill('icd10cm', 2), skill('hipaa', 2)],
  },
  {
    key: 'coder-inpatient',
    name: 'Medical Coder (Inpatient)',
    description:
      'Translates inpatient diagnoses and procedures into ICD-10-CM/PCS codes that drive MS-DRG reimbursement. CCS (or CPC) required.',
    requirements: [
      anyOf('CCS', 'CPC'),
      skill('icd10cm', 3),
      skill('icd10pcs', 3),
      skill('cms', 2),
      skill('attention-to-detail', 3),
    ],
  },
  {
    key: 'coder-profee',
    name: 'Medical Coder (Professional Fee)',
    description:
      "The article's medical coder and biller: codes physician services in CPT and HCPCS, submits claims, follows up on unpaid ones and talks to patients about bills. CPC or CCS-P required.",
    requirements: [
      anyOf('CPC', 'CCS-P'),
      skill('cpt', 3),
      skill('hcpcs', 3),
      skill('icd10cm', 2),
      skill('communication', 2),
    ],
  },
  {
    key: 'cdi-specialist',
    name: 'Clinical Documentation Integrity Specialist',
    description:
      'Reviews inpatient documentation concurrently and queries physicians so the record supports the codes submitted. CDIP or CCDS required.',
    requirements: [
      anyOf('CDIP', 'CCDS'),
      skill('icd10cm', 3),
      skill('cms', 3),
      skill('communication', 3),
    ],
  },
  {
    key: 'roi-specialist',
    name: 'Release of Information Specialist',
    description:
      'Handles requests for patient records (patients, attorneys, insurers, subpoenas), releasing them only with a valid authorization.',
    requirements: [
      skill('hipaa', 3),
      skill('ethics-roi', 3),
      skill('state-regs', 2),
      skill('communication', 2),
    ],
  },
  {
    key: 'clinical-data-analyst',
    name: 'Clinical Data Analyst',
    description:
      'Collects, analyses and interprets clinical data (readmissions, quality measures) and builds reports and dashboards for stakeholders. CHDA required.',
    requirements: [
      anyOf('CHDA'),
      skill('data-analysis', 3),
      skill('data-governance', 2),
      skill('problem-solving', 2),
    ],
  },
  {
    key: 'informatics-specialist',
    name: 'Health Informatics Specialist',
    description:
      'Bridges healthcare and IT: evaluates and optimizes health information systems, trains staff on them and supports data governance.',
    requirements: [
      skill('ehr', 3),
      skill('data-governance', 3),
      skill('data-analysis', 2),
      skill('communication', 3),
    ],
  },
  {
    key: 'cancer-registrar',
    name: 'Cancer Registrar',
    description:
      'Abstracts, stages and follows up cancer cases for the hospital registry and reports them to the Illinois State Cancer Registry. CTR required.',
    requirements: [
      anyOf('CTR'),
      skill('icd10cm', 2),
      skill('data-analysis', 2),
      skill('state-regs', 3),
      skill('attention-to-detail', 3),
    ],
  },
  {
    key: 'privacy-officer',
    name: 'Privacy Officer',
    description:
      'Runs the HIPAA privacy program: policies, access audits, breach risk assessments and workforce training. CHPS required.',
    requirements: [
      anyOf('CHPS'),
      skill('hipaa', 4),
      skill('state-regs', 3),
      skill('ethics-roi', 3),
    ],
  },
  {
    key: 'him-manager',
    name: 'HIM Manager',
    description:
      'Supervises HIM staff, develops and enforces HIM policies and keeps the unit compliant with federal and state regulations. RHIA, or RHIT with experience.',
    requirements: [
      anyOf('RHIA', 'RHIT'),
      skill('hipaa', 3),
      skill('cms', 3),
      skill('joint-commission', 3),
      skill('communication', 3),
    ],
  },
  {
    key: 'him-director',
    name: 'Director of HIM',
    description:
      'Leads the HIM department: strategy, policy, HIPAA and regulatory compliance and collaboration with other departments. RHIA required.',
    requirements: [
      anyOf('RHIA'),
      skill('hipaa', 3),
      skill('cms', 3),
      skill('joint-commission', 3),
      skill('state-regs', 3),
      skill('communication', 3),
    ],
  },
];

const TEAMS: DemoTeam[] = [
  {
    key: 'coding',
    name: 'Coding',
    managerStaffKeys: ['denise-carter'],
    coverageTargets: [
      // six credentialed coders; one CCS lapses before next month's survey
      { requirement: anyOf('CCS', 'CPC'), minHolders: 6 },
      { requirement: skill('icd10pcs', 3), minHolders: 2 },
      { requirement: anyOf('CPC', 'CCS-P'), minHolders: 2 },
    ],
  },
  {
    key: 'roi',
    name: 'Release of Information',
    managerStaffKeys: ['sandra-mitchell'],
    coverageTargets: [
      { requirement: skill('hipaa', 3), minHolders: 3 },
      { requirement: skill('ethics-roi', 3), minHolders: 2 },
    ],
  },
  {
    key: 'cdi',
    name: 'Clinical Documentation Integrity',
    managerStaffKeys: ['catherine-obrien'],
    coverageTargets: [
      { requirement: anyOf('CDIP', 'CCDS'), minHolders: 2 },
      { requirement: skill('cms', 3), minHolders: 2 },
    ],
  },
  {
    key: 'data-analytics',
    name: 'Data Analytics',
    managerStaffKeys: ['andre-dubois'],
    coverageTargets: [
      // only the lead is proficient since the informatics specialist's CHDA lapsed
      { requirement: skill('data-analysis', 3), minHolders: 2 },
      { requirement: anyOf('CHDA'), minHolders: 1 },
    ],
  },
  {
    key: 'cancer-registry',
    name: 'Cancer Registry',
    managerStaffKeys: ['elena-petrova'],
    coverageTargets: [{ requirement: anyOf('CTR'), minHolders: 2 }],
  },
  {
    key: 'management',
    name: 'Management',
    managerStaffKeys: ['margaret-okonkwo'],
    coverageTargets: [
      { requirement: anyOf('RHIA'), minHolders: 2 },
      { requirement: anyOf('CHPS'), minHolders: 1 },
    ],
  },
];

// ---------- people ----------

interface StaffSeed {
  key: string;
  name: string;
  /** when not first.last@riverside-demo.org (the three demo logins) */
  email?: string;
  employeeId: string;
  teamKey: string;
  roleKey: string;
  status?: 'leave' | 'terminated';
  hiredDaysAgo: number;
}

const EMAIL_DOMAIN = 'riverside-demo.org';

// prettier-ignore
const STAFF: StaffSeed[] = [
  // Management
  { key: 'margaret-okonkwo', name: 'Margaret Okonkwo', email: `director@${EMAIL_DOMAIN}`, employeeId: 'E10031', teamKey: 'management', roleKey: 'him-director', hiredDaysAgo: years(13.5) },
  { key: 'daniel-reyes', name: 'Daniel Reyes', employeeId: 'E10102', teamKey: 'management', roleKey: 'him-manager', hiredDaysAgo: years(9.2) },
  { key: 'priya-raman', name: 'Priya Raman', employeeId: 'E10135', teamKey: 'management', roleKey: 'privacy-officer', hiredDaysAgo: years(7.1) },
  { key: 'laura-bennett', name: 'Laura Bennett', employeeId: 'E10194', teamKey: 'management', roleKey: 'him-manager', hiredDaysAgo: years(5.0) },
  // Coding
  { key: 'denise-carter', name: 'Denise Carter', email: `manager@${EMAIL_DOMAIN}`, employeeId: 'E10064', teamKey: 'coding', roleKey: 'him-manager', hiredDaysAgo: years(11.3) },
  { key: 'miguel-alvarez', name: 'Miguel Álvarez', email: `coder@${EMAIL_DOMAIN}`, employeeId: 'E10166', teamKey: 'coding', roleKey: 'coder-inpatient', hiredDaysAgo: years(6.0) },
  { key: 'hannah-kowalski', name: 'Hannah Kowalski', employeeId: 'E10118', teamKey: 'coding', roleKey: 'coder-inpatient', hiredDaysAgo: years(8.4) },
  { key: 'samuel-osei', name: 'Samuel Osei', employeeId: 'E10057', teamKey: 'coding', roleKey: 'coder-inpatient', hiredDaysAgo: years(12.1) },
  { key: 'aisha-rahman', name: 'Aisha Rahman', employeeId: 'E10337', teamKey: 'coding', roleKey: 'coder-inpatient', hiredDaysAgo: 120 },
  { key: 'kevin-nguyen', name: 'Kevin Nguyen', employeeId: 'E10248', teamKey: 'coding', roleKey: 'coder-inpatient', status: 'leave', hiredDaysAgo: years(3.1) },
  { key: 'brianna-jackson', name: 'Brianna Jackson', employeeId: 'E10306', teamKey: 'coding', roleKey: 'coder-inpatient', hiredDaysAgo: years(1.2) },
  { key: 'rosa-delgado', name: 'Rosa Delgado', employeeId: 'E10219', teamKey: 'coding', roleKey: 'coder-profee', hiredDaysAgo: years(4.2) },
  { key: 'jamal-washington', name: 'Jamal Washington', employeeId: 'E10188', teamKey: 'coding', roleKey: 'coder-profee', hiredDaysAgo: years(5.6) },
  { key: 'emily-schmidt', name: 'Emily Schmidt', employeeId: 'E10284', teamKey: 'coding', roleKey: 'coder-profee', hiredDaysAgo: years(2.0) },
  { key: 'tuan-pham', name: 'Tuan Pham', employeeId: 'E10152', teamKey: 'coding', roleKey: 'coder-profee', hiredDaysAgo: years(6.6) },
  { key: 'olivia-brennan', name: 'Olivia Brennan', employeeId: 'E10241', teamKey: 'coding', roleKey: 'coder-profee', status: 'terminated', hiredDaysAgo: years(3.5) },
  { key: 'marcus-lee', name: 'Marcus Lee', employeeId: 'E10270', teamKey: 'coding', roleKey: 'him-technician', hiredDaysAgo: years(2.5) },
  // Release of Information
  { key: 'sandra-mitchell', name: 'Sandra Mitchell', employeeId: 'E10023', teamKey: 'roi', roleKey: 'him-manager', hiredDaysAgo: years(14.6) },
  { key: 'fatima-haddad', name: 'Fatima Haddad', employeeId: 'E10171', teamKey: 'roi', roleKey: 'roi-specialist', hiredDaysAgo: years(5.9) },
  { key: 'jose-ramirez', name: 'José Ramírez', employeeId: 'E10226', teamKey: 'roi', roleKey: 'roi-specialist', hiredDaysAgo: years(4.1) },
  { key: 'grace-kim', name: 'Grace Kim', employeeId: 'E10252', teamKey: 'roi', roleKey: 'roi-specialist', status: 'leave', hiredDaysAgo: years(3.0) },
  { key: 'tyler-robinson', name: 'Tyler Robinson', employeeId: 'E10301', teamKey: 'roi', roleKey: 'roi-specialist', hiredDaysAgo: years(1.5) },
  { key: 'destiny-williams', name: 'Destiny Williams', employeeId: 'E10318', teamKey: 'roi', roleKey: 'records-clerk', hiredDaysAgo: years(0.8) },
  { key: 'ahmed-hassan', name: 'Ahmed Hassan', employeeId: 'E10334', teamKey: 'roi', roleKey: 'records-clerk', hiredDaysAgo: 150 },
  { key: 'natalie-fischer', name: 'Natalie Fischer', employeeId: 'E10277', teamKey: 'roi', roleKey: 'him-technician', hiredDaysAgo: years(2.2) },
  // Clinical Documentation Integrity
  { key: 'catherine-obrien', name: "Catherine O'Brien", employeeId: 'E10089', teamKey: 'cdi', roleKey: 'cdi-specialist', hiredDaysAgo: years(10.2) },
  { key: 'rajesh-patel', name: 'Rajesh Patel', employeeId: 'E10140', teamKey: 'cdi', roleKey: 'cdi-specialist', hiredDaysAgo: years(7.0) },
  { key: 'linda-johansson', name: 'Linda Johansson', employeeId: 'E10203', teamKey: 'cdi', roleKey: 'cdi-specialist', hiredDaysAgo: years(4.9) },
  { key: 'victor-morales', name: 'Victor Morales', employeeId: 'E10230', teamKey: 'cdi', roleKey: 'cdi-specialist', hiredDaysAgo: years(4.0) },
  { key: 'mei-chen', name: 'Mei Chen', employeeId: 'E10293', teamKey: 'cdi', roleKey: 'cdi-specialist', hiredDaysAgo: years(1.8) },
  { key: 'jasmine-taylor', name: 'Jasmine Taylor', employeeId: 'E10329', teamKey: 'cdi', roleKey: 'cdi-specialist', hiredDaysAgo: 190 },
  // Data Analytics
  { key: 'andre-dubois', name: 'André Dubois', employeeId: 'E10121', teamKey: 'data-analytics', roleKey: 'clinical-data-analyst', hiredDaysAgo: years(8.1) },
  { key: 'sofia-rossi', name: 'Sofia Rossi', employeeId: 'E10259', teamKey: 'data-analytics', roleKey: 'clinical-data-analyst', hiredDaysAgo: years(3.0) },
  { key: 'ben-goldberg', name: 'Ben Goldberg', employeeId: 'E10288', teamKey: 'data-analytics', roleKey: 'clinical-data-analyst', hiredDaysAgo: years(2.0) },
  { key: 'yuki-tanaka', name: 'Yuki Tanaka', employeeId: 'E10207', teamKey: 'data-analytics', roleKey: 'informatics-specialist', hiredDaysAgo: years(4.8) },
  { key: 'chloe-martin', name: 'Chloe Martin', employeeId: 'E10323', teamKey: 'data-analytics', roleKey: 'clinical-data-analyst', hiredDaysAgo: years(0.7) },
  // Cancer Registry
  { key: 'elena-petrova', name: 'Elena Petrova', employeeId: 'E10038', teamKey: 'cancer-registry', roleKey: 'cancer-registrar', hiredDaysAgo: years(13.0) },
  { key: 'darnell-brooks', name: 'Darnell Brooks', employeeId: 'E10179', teamKey: 'cancer-registry', roleKey: 'cancer-registrar', hiredDaysAgo: years(5.8) },
  { key: 'isabel-santos', name: 'Isabel Santos', employeeId: 'E10312', teamKey: 'cancer-registry', roleKey: 'cancer-registrar', hiredDaysAgo: years(1.0) },
  { key: 'omar-farouk', name: 'Omar Farouk', employeeId: 'E10263', teamKey: 'cancer-registry', roleKey: 'him-technician', hiredDaysAgo: years(3.0) },
];

/** first.last, lower case, without accents or apostrophes. */
function workEmail(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z\s-]/g, '');
  const parts = ascii.split(/\s+/).filter(Boolean);
  return `${parts[0]}.${parts[parts.length - 1]}@${EMAIL_DOMAIN}`;
}

// ---------- credentials ----------

interface CredentialSeed {
  staffKey: string;
  code: string;
  issuedDaysAgo: number;
  /**
   * Days from today to the end of the current recertification cycle (negative: lapsed);
   * 'first-cycle' ends 24 months after the exam; null: no expiry on record.
   */
  expiresInDays: number | 'first-cycle' | null;
  verification: 'primary-source' | 'certificate-copy' | null;
  revoked?: { daysAgo: number; reason: string };
}

// AHIMA and AAPC align a holder's credentials to one cycle, so they share one expiry here.
// prettier-ignore
const CREDENTIALS: CredentialSeed[] = [
  // Management
  { staffKey: 'margaret-okonkwo', code: 'RHIA', issuedDaysAgo: years(21.4), expiresInDays: 500, verification: 'primary-source' },
  // an HIM manager's RHIA lapses in 40 days: Management falls short of two RHIAs
  { staffKey: 'daniel-reyes', code: 'RHIA', issuedDaysAgo: years(10.6), expiresInDays: 40, verification: 'primary-source' },
  { staffKey: 'priya-raman', code: 'RHIT', issuedDaysAgo: years(12.3), expiresInDays: 150, verification: 'primary-source' },
  { staffKey: 'priya-raman', code: 'CHPS', issuedDaysAgo: years(6.2), expiresInDays: 150, verification: 'primary-source' },
  { staffKey: 'laura-bennett', code: 'RHIT', issuedDaysAgo: years(9.1), expiresInDays: 640, verification: 'primary-source' },
  // Coding
  { staffKey: 'denise-carter', code: 'RHIA', issuedDaysAgo: years(15.2), expiresInDays: 200, verification: 'primary-source' },
  { staffKey: 'denise-carter', code: 'CCS', issuedDaysAgo: years(13.0), expiresInDays: 200, verification: 'primary-source' },
  { staffKey: 'miguel-alvarez', code: 'CCS', issuedDaysAgo: years(7.2), expiresInDays: 300, verification: 'primary-source' },
  { staffKey: 'miguel-alvarez', code: 'CPC', issuedDaysAgo: years(9.0), expiresInDays: 150, verification: 'primary-source' },
  // lapses before next month's survey: Coding drops below six credentialed coders at +30
  { staffKey: 'hannah-kowalski', code: 'CCS', issuedDaysAgo: years(8.6), expiresInDays: 12, verification: 'primary-source' },
  { staffKey: 'samuel-osei', code: 'RHIT', issuedDaysAgo: years(14.1), expiresInDays: 420, verification: 'primary-source' },
  { staffKey: 'samuel-osei', code: 'CCS', issuedDaysAgo: years(12.5), expiresInDays: 420, verification: 'primary-source' },
  // passed three months ago; the certificate copy is still awaited
  { staffKey: 'aisha-rahman', code: 'CCS', issuedDaysAgo: 100, expiresInDays: 'first-cycle', verification: null },
  { staffKey: 'kevin-nguyen', code: 'CCS', issuedDaysAgo: years(4.3), expiresInDays: 250, verification: 'primary-source' },
  { staffKey: 'brianna-jackson', code: 'CCA', issuedDaysAgo: years(1.6), expiresInDays: 500, verification: 'certificate-copy' },
  { staffKey: 'rosa-delgado', code: 'CCS-P', issuedDaysAgo: years(5.3), expiresInDays: 330, verification: 'primary-source' },
  { staffKey: 'jamal-washington', code: 'CPC', issuedDaysAgo: years(7.4), expiresInDays: 480, verification: 'primary-source' },
  { staffKey: 'jamal-washington', code: 'CRC', issuedDaysAgo: years(3.2), expiresInDays: 480, verification: 'primary-source' },
  { staffKey: 'emily-schmidt', code: 'CCS-P', issuedDaysAgo: years(2.5), expiresInDays: 560, verification: 'certificate-copy' },
  { staffKey: 'tuan-pham', code: 'CPC', issuedDaysAgo: years(6.4), expiresInDays: -25, verification: 'primary-source' },
  { staffKey: 'olivia-brennan', code: 'CPC', issuedDaysAgo: years(4.1), expiresInDays: 270, verification: 'primary-source' },
  { staffKey: 'marcus-lee', code: 'RHIT', issuedDaysAgo: years(3.1), expiresInDays: 365, verification: 'primary-source' },
  { staffKey: 'marcus-lee', code: 'CCA', issuedDaysAgo: years(4.0), expiresInDays: 365, verification: 'primary-source' },
  // Release of Information
  { staffKey: 'sandra-mitchell', code: 'RHIT', issuedDaysAgo: years(16.4), expiresInDays: 600, verification: 'primary-source' },
  { staffKey: 'natalie-fischer', code: 'RHIT', issuedDaysAgo: years(2.6), expiresInDays: 6, verification: null },
  // Passed the CCA twelve days ago: AHIMA has not yet posted the recertification date, so
  // the record has no expiry until it is entered (and owes no CE until then, R11).
  { staffKey: 'destiny-williams', code: 'CCA', issuedDaysAgo: 12, expiresInDays: null, verification: 'certificate-copy' },
  // Clinical Documentation Integrity
  { staffKey: 'catherine-obrien', code: 'CCDS', issuedDaysAgo: years(8.8), expiresInDays: 380, verification: 'primary-source' },
  { staffKey: 'rajesh-patel', code: 'CCDS', issuedDaysAgo: years(6.1), expiresInDays: 75, verification: 'primary-source' },
  { staffKey: 'linda-johansson', code: 'RHIT', issuedDaysAgo: years(10.3), expiresInDays: 270, verification: 'primary-source' },
  { staffKey: 'linda-johansson', code: 'CDIP', issuedDaysAgo: years(4.2), expiresInDays: 270, verification: 'primary-source' },
  {
    staffKey: 'victor-morales',
    code: 'CCDS',
    issuedDaysAgo: years(3.3),
    expiresInDays: 300,
    verification: 'primary-source',
    revoked: {
      daysAgo: 20,
      reason: 'Revoked by ACDIS after a recertification audit: the CEUs claimed could not be substantiated.',
    },
  },
  { staffKey: 'mei-chen', code: 'CCDS', issuedDaysAgo: 170, expiresInDays: 'first-cycle', verification: null },
  // Data Analytics
  { staffKey: 'andre-dubois', code: 'RHIA', issuedDaysAgo: years(9.4), expiresInDays: 180, verification: 'primary-source' },
  { staffKey: 'andre-dubois', code: 'CHDA', issuedDaysAgo: years(5.1), expiresInDays: 180, verification: 'primary-source' },
  { staffKey: 'sofia-rossi', code: 'RHIT', issuedDaysAgo: years(3.4), expiresInDays: 410, verification: 'primary-source' },
  { staffKey: 'yuki-tanaka', code: 'CHDA', issuedDaysAgo: years(4.1), expiresInDays: -48, verification: 'primary-source' },
  // Cancer Registry: one current CTR for a target of two
  { staffKey: 'elena-petrova', code: 'CTR', issuedDaysAgo: years(12.4), expiresInDays: 210, verification: 'primary-source' },
  { staffKey: 'darnell-brooks', code: 'CTR', issuedDaysAgo: years(5.2), expiresInDays: -33, verification: 'primary-source' },
  { staffKey: 'omar-farouk', code: 'RHIT', issuedDaysAgo: years(4.0), expiresInDays: 440, verification: 'certificate-copy' },
];

/** Numbers as the bodies print them; AHIMA and AAPC give a holder one id for all their credentials. */
function credentialNumber(staffKey: string, code: string): string {
  const body = CREDENTIAL_TYPES.find((type) => type.code === code)?.issuingBody;
  const spread = stableHash(`${body}:${staffKey}`);
  switch (body) {
    case AHIMA:
      return String(1_000_000 + (spread % 9_000_000));
    case AAPC:
      return String(spread % 100_000_000).padStart(8, '0');
    case NCRA:
      return String(10_000 + (spread % 90_000));
    default:
      return `${code}-${10_000 + (spread % 40_000)}`;
  }
}

// ---------- assessments ----------

interface AssessmentOverride {
  manager?: number;
  self?: number;
  /** self- and manager assessment on one day (the manager's outranks, R2) */
  sameDay?: boolean;
  note?: string;
}

/**
 * Levels that differ from the role's required level. Everyone else is assessed at the level
 * the role requires, by themselves at the annual review and by their manager since.
 */
const ASSESSMENT_OVERRIDES: Record<string, Record<string, AssessmentOverride>> = {
  'margaret-okonkwo': {
    hipaa: { manager: 4, self: 4 },
    'joint-commission': { manager: 4, self: 4 },
    communication: { manager: 4 },
  },
  'daniel-reyes': { cms: { manager: 4, self: 3 } },
  'priya-raman': {
    'state-regs': {
      self: 3,
      manager: 2,
      note: 'Needs the Illinois Mental Health Confidentiality Act and genetic-testing privacy rules.',
    },
    'ethics-roi': { manager: 4, self: 4 },
  },
  'laura-bennett': {
    'joint-commission': {
      self: 3,
      manager: 2,
      note: 'First survey as lead; shadow the director on HR.01.06.01 tracers.',
    },
  },
  'denise-carter': { cms: { manager: 4, self: 4 }, communication: { manager: 4, self: 3 } },
  'samuel-osei': {
    icd10pcs: { manager: 4, self: 4, note: 'Trains new inpatient coders on PCS root operations.' },
  },
  'hannah-kowalski': { 'attention-to-detail': { manager: 4, self: 3 } },
  'brianna-jackson': {
    icd10cm: { self: 3, manager: 2, note: 'Accuracy 91% on the last quarterly audit; target 95%.' },
    icd10pcs: {
      self: 2,
      manager: 2,
      note: 'Studying for the CCS; still needs help with root operations.',
    },
  },
  'emily-schmidt': {
    communication: {
      self: 2,
      manager: 1,
      note: 'Patient billing calls escalate too often; coaching booked.',
    },
  },
  'sandra-mitchell': { hipaa: { manager: 4, self: 4 }, 'ethics-roi': { manager: 4, self: 4 } },
  'tyler-robinson': {
    hipaa: {
      self: 3,
      manager: 2,
      sameDay: true,
      note: 'Released records on a subpoena without a HIPAA-compliant authorization; refresher scheduled.',
    },
  },
  'ahmed-hassan': {
    ehr: {
      self: 2,
      manager: 1,
      note: 'Still learning chart-correction and scanning workflows in the EHR.',
    },
  },
  'catherine-obrien': { cms: { manager: 4, self: 4 }, communication: { manager: 4, self: 4 } },
  'jasmine-taylor': {
    icd10cm: {
      self: 2,
      manager: 2,
      note: 'RN new to CDI: ICD-10-CM specificity is the learning plan.',
    },
    communication: { self: 3, manager: 2 },
  },
  'andre-dubois': {
    'data-analysis': {
      manager: 4,
      self: 4,
      note: 'Builds the readmission and quality dashboards; mentors the analysts.',
    },
  },
  'sofia-rossi': { 'data-analysis': { self: 3, manager: 2 } },
  'ben-goldberg': {
    'data-analysis': {
      self: 3,
      manager: 2,
      note: 'Strong SQL; risk adjustment and statistical testing still to learn.',
    },
  },
  'chloe-martin': {
    'data-analysis': { self: 2, manager: 1 },
    'data-governance': { self: 1, manager: 1 },
  },
  'elena-petrova': { 'state-regs': { manager: 4, self: 4 }, 'attention-to-detail': { manager: 4 } },
  'isabel-santos': {
    'state-regs': {
      self: 2,
      manager: 2,
      note: 'Learning Illinois State Cancer Registry reporting deadlines.',
    },
  },
};

function buildAssessments(today: IsoDate, staff: DemoStaff[]): DemoAssessment[] {
  const rolesByKey = new Map(ROLES.map((role) => [role.key, role]));
  const assessments: DemoAssessment[] = [];
  for (const member of staff) {
    const role = rolesByKey.get(member.roleKey);
    if (!role) continue;
    const hiredDaysAgo = Math.round((toUtcMs(today) - toUtcMs(member.hireDate)) / DAY_MS);
    for (const requirement of role.requirements) {
      if (requirement.kind !== 'skill') continue;
      const { skillKey, minLevel } = requirement;
      const override = ASSESSMENT_OVERRIDES[member.key]?.[skillKey] ?? {};
      const managerLevel = override.manager ?? minLevel;
      const selfLevel = override.self ?? managerLevel;
      const spread = stableHash(`${member.key}/${skillKey}`);
      // annual self-review about a year ago (or soon after hire), manager review since
      const selfDaysAgo = Math.min(330 + (spread % 60), hiredDaysAgo - 14);
      const managerDaysAgo = override.sameDay
        ? Math.min(55 + (spread % 30), hiredDaysAgo - 30)
        : Math.min(40 + (spread % 150), hiredDaysAgo - 30);
      if (hiredDaysAgo > 700) {
        // the review before last, for the two-year history
        assessments.push({
          staffKey: member.key,
          skillKey,
          level: spread % 3 === 0 ? Math.max(1, managerLevel - 1) : managerLevel,
          assessedOn: addDays(today, -(640 + (spread % 60))),
          source: 'manager',
        });
      }
      if (override.sameDay) {
        assessments.push({
          staffKey: member.key,
          skillKey,
          level: selfLevel,
          assessedOn: addDays(today, -managerDaysAgo),
          source: 'self',
        });
      } else {
        assessments.push({
          staffKey: member.key,
          skillKey,
          level: selfLevel,
          assessedOn: addDays(today, -selfDaysAgo),
          source: 'self',
        });
      }
      assessments.push({
        staffKey: member.key,
        skillKey,
        level: managerLevel,
        assessedOn: addDays(today, -managerDaysAgo),
        source: 'manager',
        ...(override.note ? { note: override.note } : {}),
      });
    }
  }
  return assessments;
}

// ---------- continuing education ----------

const HIIM = ['hiim-domain'];
const HIIM_AHIMA = ['hiim-domain', 'ahima-provided'];
const CTR_A = ['ctr-category-a'];

/** What was attended; the title may depend on the day (conference year, Coding Clinic quarter). */
interface CeSource {
  title: string | ((on: IsoDate) => string);
  provider: string;
  categories: string[];
}

const quarterBefore = (on: IsoDate): string => {
  const quarter = Math.floor((Number(on.slice(5, 7)) - 1) / 3);
  return quarter === 0
    ? `Fourth Quarter ${yearOf(on) - 1}`
    : `${['', 'First', 'Second', 'Third'][quarter]} Quarter ${yearOf(on)}`;
};
/** ICD-10 code sets take effect on October 1 for the next federal fiscal year. */
const fiscalYear = (on: IsoDate): number =>
  Number(on.slice(5, 7)) >= 8 ? yearOf(on) + 1 : yearOf(on);

const ahimaWebinar = (topic: string): CeSource => ({
  title: `AHIMA webinar: ${topic}`,
  provider: 'AHIMA',
  categories: HIIM_AHIMA,
});
const ahimaConference: CeSource = {
  title: (on) => `AHIMA${String(yearOf(on)).slice(2)} Conference`,
  provider: 'AHIMA',
  categories: HIIM_AHIMA,
};
const ahimaVirtual = (title: string): CeSource => ({
  title,
  provider: 'AHIMA',
  categories: HIIM_AHIMA,
});
const ilhimaMeeting: CeSource = {
  title: (on) => `ILHIMA ${yearOf(on)} Annual Meeting`,
  provider:
    'Illinois Health Information Management Association (AHIMA component state association)',
  categories: HIIM_AHIMA,
};
const ilhimaWebinar = (topic: string): CeSource => ({
  title: `ILHIMA webinar: ${topic}`,
  provider:
    'Illinois Health Information Management Association (AHIMA component state association)',
  categories: HIIM_AHIMA,
});
const codingClinic: CeSource = {
  title: (on) => `AHIMA-approved Coding Clinic for ICD-10-CM/PCS update, ${quarterBefore(on)}`,
  provider: 'American Hospital Association Central Office',
  categories: HIIM,
};
const codingClinicHcpcs: CeSource = {
  title: (on) => `Coding Clinic for HCPCS update, ${quarterBefore(on)}`,
  provider: 'American Hospital Association Central Office',
  categories: HIIM,
};
const codeSetUpdate: CeSource = {
  title: (on) =>
    `ICD-10-CM/PCS FY${fiscalYear(on)} code set update for inpatient coders (AHIMA- and AAPC-approved)`,
  provider: 'AHIMA',
  categories: HIIM_AHIMA,
};
const aapcChapter = (topic: string): CeSource => ({
  title: `AAPC local chapter meeting: ${topic}`,
  provider: 'AAPC Riverside, IL local chapter',
  categories: HIIM,
});
const aapcWebinar = (topic: string): CeSource => ({
  title: `AAPC webinar: ${topic}`,
  provider: 'AAPC',
  categories: HIIM,
});
const healthcon: CeSource = {
  title: (on) => `AAPC HEALTHCON ${yearOf(on)}`,
  provider: 'AAPC',
  categories: HIIM,
};
const ncraConference: CeSource = {
  title: (on) => `NCRA ${yearOf(on)} Annual Educational Conference`,
  provider: 'NCRA',
  categories: CTR_A,
};
const ncraWebinar = (topic: string): CeSource => ({
  title: `NCRA Center for Cancer Registry Education webinar: ${topic}`,
  provider: 'NCRA',
  categories: CTR_A,
});
const naaccrWebinar = (topic: string): CeSource => ({
  title: `NAACCR webinar: ${topic}`,
  provider: 'NAACCR',
  categories: [],
});
const acdisPodcast = (topic: string): CeSource => ({
  title: `ACDIS podcast: ${topic}`,
  provider: 'ACDIS',
  categories: HIIM,
});
const acdisChapter = (topic: string): CeSource => ({
  title: `ACDIS Illinois local chapter meeting: ${topic}`,
  provider: 'ACDIS Illinois chapter',
  categories: HIIM,
});
const acdisConference: CeSource = {
  title: (on) => `ACDIS ${yearOf(on)} National Conference`,
  provider: 'ACDIS',
  categories: HIIM,
};
const hccaWebinar = (topic: string): CeSource => ({
  title: `HCCA web conference: ${topic}`,
  provider: 'Health Care Compliance Association',
  categories: HIIM,
});
const other = (title: string, provider: string, categories: string[] = []): CeSource => ({
  title,
  provider,
  categories,
});
const LEARNING_CENTER = 'Riverside Regional Learning Center';

interface CeSeed {
  staffKey: string;
  daysAgo: number;
  hours: number;
  source: CeSource;
  status?: 'submitted' | 'rejected';
  reviewNote?: string;
  /** codes of the holder's credentials the activity is meant for */
  forCodes?: string[];
}

const NO_CERTIFICATE =
  'No certificate of completion attached; resubmit with the certificate showing the CEU hours.';

/** hours and days are chosen so that each CE group lands on the status the demo shows */
function ceSeeds(): CeSeed[] {
  const log = (
    staffKey: string,
    entries: [number, number, CeSource, Partial<CeSeed>?][],
  ): CeSeed[] =>
    entries.map(([daysAgo, hours, source, extra]) => ({
      staffKey,
      daysAgo,
      hours,
      source,
      ...extra,
    }));
  const pending = { status: 'submitted' as const };
  const rejected = (reviewNote: string) => ({ status: 'rejected' as const, reviewNote });
  return [
    // Coding manager: RHIA + CCS, 40 hours, met well before the cycle ends
    ...log('denise-carter', [
      [512, 1.5, ahimaWebinar('ICD-10-PCS root operations: excision, resection and detachment')],
      [468, 6, ilhimaMeeting],
      [421, 2, codingClinic],
      [365, 8, ahimaConference],
      [330, 4, other('Leading hybrid teams: coaching and feedback', LEARNING_CENTER)],
      [288, 1.5, ahimaWebinar('CMS IPPS final rule: what coders need to know')],
      [240, 2, codingClinic],
      [190, 6, ahimaVirtual('AHIMA Clinical Documentation and Coding Summit')],
      [150, 2, codingClinic],
      [96, 1, ahimaWebinar('Sepsis coding and clinical validation')],
      [64, 2, codingClinic],
      [41, 1.5, ahimaWebinar('Health data governance for HIM leaders')],
      [35, 3, hccaWebinar('OIG work plan: inpatient coding risk areas')],
      [
        18,
        2,
        other('Excel pivot tables for beginners', LEARNING_CENTER),
        rejected('Not health-information content; AHIMA would not accept it as a CEU.'),
      ],
    ]),
    // the demo coder: CCS (AHIMA) and CPC (AAPC), both in progress
    ...log('miguel-alvarez', [
      [560, 2, aapcChapter('Interventional radiology coding'), { forCodes: ['CPC'] }],
      [505, 2, aapcChapter('Cardiac catheterization in CPT'), { forCodes: ['CPC'] }],
      [470, 1, aapcWebinar('Modifier 59 and the X{EPSU} modifiers'), { forCodes: ['CPC'] }],
      // approved by both bodies: counts towards the CCS and the CPC cycle (R13)
      [410, 6, codeSetUpdate],
      [340, 8, healthcon, { forCodes: ['CPC'] }],
      [300, 2, aapcChapter('E/M guidelines: medical decision making'), { forCodes: ['CPC'] }],
      [262, 1.5, codingClinic],
      [215, 1, ahimaWebinar('Sepsis-3 and clinical validation queries')],
      [180, 2, aapcChapter('HCPCS Level II drug and biological coding'), { forCodes: ['CPC'] }],
      [120, 6, ilhimaMeeting],
      [75, 1.5, codingClinic],
      [52, 2, aapcChapter('Fracture care coding'), { forCodes: ['CPC'] }],
      [21, 1.5, ahimaWebinar('CMS IPPS final rule: MS-DRG changes for coders'), pending],
      [9, 2, aapcChapter('Surgical pathology coding'), { forCodes: ['CPC'], ...pending }],
    ]),
    // CCS ends in 12 days, hours short: at risk
    ...log('hannah-kowalski', [
      [690, 1.5, codingClinic],
      [600, 1, ahimaWebinar('Query compliance: the updated practice brief')],
      [520, 6, ilhimaMeeting],
      [400, 1.5, codingClinic],
      [300, 1, ahimaWebinar('Coding acute respiratory failure')],
      [160, 2, codingClinic],
      [40, 1.5, ahimaWebinar('Social determinants of health: Z codes')],
      [
        30,
        2,
        other('Medical terminology refresher', LEARNING_CENTER, HIIM),
        rejected(NO_CERTIFICATE),
      ],
      [12, 3, ahimaWebinar('ICD-10-PCS cardiovascular root operations deep dive'), pending],
    ]),
    // RHIT + CCS, 30 hours, met
    ...log('samuel-osei', [
      [300, 8, ahimaConference],
      [250, 2, codingClinic],
      [210, 6, ilhimaMeeting],
      [170, 1.5, ahimaWebinar('ICD-10-PCS: obstetrics and the products of conception')],
      [130, 2, codingClinic],
      [95, 6, other('Advanced ICD-10-PCS coding workshop', 'American Hospital Association', HIIM)],
      [60, 2, codingClinic],
      [33, 1.5, ahimaWebinar('Outpatient CDI and the coder')],
      [14, 1.5, ahimaWebinar('Coding for the hospital price-transparency rule')],
    ]),
    // first cycle, on track
    ...log('aisha-rahman', [
      [80, 1.5, codingClinic],
      [45, 1, ahimaWebinar('New coder bootcamp: MS-DRG fundamentals')],
      [20, 1, ahimaWebinar('Sepsis coding and clinical validation')],
      [6, 1.5, ahimaWebinar('Present-on-admission indicators'), pending],
    ]),
    // on leave, behind
    ...log('kevin-nguyen', [
      [450, 1.5, codingClinic],
      [380, 1, ahimaWebinar('Coding neoplasms in ICD-10-CM')],
      [300, 2, codingClinic],
      [200, 1.5, ahimaWebinar('Query compliance: the updated practice brief')],
    ]),
    ...log('brianna-jackson', [
      [200, 1, ahimaWebinar('CCS exam prep: inpatient case studies')],
      [120, 1, ahimaWebinar('ICD-10-PCS body part key')],
      [70, 1, codingClinic],
      [
        25,
        8,
        other('CCS exam review course (self-study)', 'Riverside Community College'),
        rejected(NO_CERTIFICATE),
      ],
    ]),
    ...log('rosa-delgado', [
      [380, 2, aapcChapter('E/M hospital visit changes')],
      [320, 1.5, ahimaWebinar('CCS-P: modifiers for professional services')],
      [250, 6, ilhimaMeeting],
      [150, 1, ahimaWebinar('Telehealth coding and place of service')],
      [60, 1.5, codingClinicHcpcs],
      [10, 2, aapcWebinar('CPT code changes for the coming year'), pending],
    ]),
    // CPC + CRC, 40 hours, behind
    ...log('jamal-washington', [
      [300, 4, aapcWebinar('Risk adjustment boot camp, part 1')],
      [230, 2, aapcChapter('HCC coding: diabetes with complications')],
      [160, 1, aapcWebinar('Risk adjustment: the V28 model')],
      [110, 2, aapcChapter('Wound care coding')],
      [50, 1, aapcWebinar('MEAT documentation for HCC capture'), { forCodes: ['CRC'] }],
      [30, 2, aapcChapter('Radiology coding')],
      [15, 8, healthcon, pending],
    ]),
    ...log('emily-schmidt', [
      [300, 1.5, ahimaWebinar('Professional fee auditing basics')],
      [150, 1.5, ahimaWebinar('CCS-P: evaluation and management leveling')],
      [90, 2, aapcChapter('Anesthesia coding')],
      [40, 2.5, codingClinicHcpcs],
    ]),
    // CPC lapsed last month with a third of the hours
    ...log('tuan-pham', [
      [500, 2, aapcChapter('Orthopedic surgery coding')],
      [300, 1, aapcWebinar('Modifier 25 audits')],
      [120, 2, aapcChapter('Dermatology procedures')],
    ]),
    ...log('olivia-brennan', [
      [400, 2, aapcChapter('Cardiology E/M')],
      [250, 1, aapcWebinar('CPT code changes for the coming year')],
    ]),
    // RHIT + CCA, 30 hours, on track
    ...log('marcus-lee', [
      [340, 6, ilhimaMeeting],
      [270, 1.5, ahimaWebinar('Record completion and deficiency management')],
      [200, 2, codingClinic],
      [140, 1, ahimaWebinar('Master patient index clean-up')],
      [90, 4, ahimaVirtual('AHIMA HIM operations virtual bootcamp')],
      [45, 1.5, codingClinic],
      [20, 1, ahimaWebinar('Chart correction and amendments'), pending],
    ]),
    ...log('sandra-mitchell', [
      [400, 8, ahimaConference],
      [110, 1.5, ahimaWebinar('Release of information: subpoenas and court orders')],
      [70, 1, hccaWebinar('HIPAA right of access enforcement')],
      [
        30,
        1.5,
        ilhimaWebinar('Illinois Mental Health and Developmental Disabilities Confidentiality Act'),
      ],
    ]),
    // RHIT ends in 6 days, unverified, hours short: at risk
    ...log('natalie-fischer', [
      [700, 1, ahimaWebinar('Release of information fees under HIPAA')],
      [610, 6, ilhimaMeeting],
      [480, 1.5, ahimaWebinar('Information blocking and the 21st Century Cures Act')],
      [350, 1, hccaWebinar('Minimum necessary in practice')],
      [240, 2, codingClinic],
      [130, 1.5, ahimaWebinar('Patient portals and proxy access')],
      [60, 1, ahimaWebinar('Amendment requests')],
      [
        25,
        1.5,
        other('HIPAA annual workforce training', 'Riverside Regional Medical Center', HIIM),
        rejected('Mandatory employer compliance training does not qualify for CEUs.'),
      ],
      [8, 2, ahimaWebinar('Legal health record: defining the designated record set'), pending],
    ]),
    // Release of Information: no credentials requiring CE apart from the two above
    // CDI: RHIT + CDIP, 40 hours, met; one entry names the CDIP
    ...log('linda-johansson', [
      [440, 8, ahimaConference],
      [400, 1.5, ahimaWebinar('CDI: clinical validation of malnutrition')],
      [350, 8, acdisConference],
      [300, 1.5, acdisPodcast('Physician query templates that hold up in an audit')],
      [250, 6, ilhimaMeeting],
      [180, 6, ahimaVirtual('AHIMA CDI Summit'), { forCodes: ['CDIP'] }],
      [120, 2, codingClinic],
      [80, 1.5, ahimaWebinar('Denials prevention for CDI')],
      [50, 1, acdisPodcast('Clinical validation of acute kidney injury')],
      [20, 4.5, ahimaVirtual('AHIMA CDI Academy: outpatient CDI and HCC capture (three sessions)')],
    ]),
    ...log('catherine-obrien', [
      [330, 8, acdisConference],
      [280, 2, acdisChapter('Clinical validation of acute kidney injury')],
      [240, 1, acdisPodcast('Sepsis-3 and the CDI query')],
      [200, 6, other('ACDIS CDI Leadership Symposium', 'ACDIS', HIIM)],
      [150, 2, acdisChapter('Malnutrition criteria: ASPEN and GLIM')],
      [110, 1, acdisPodcast('Building a physician advisor program')],
      [70, 6, other('ACDIS Outpatient CDI Symposium (virtual)', 'ACDIS', HIIM)],
      [30, 1, acdisPodcast('CDI metrics that matter')],
      [12, 3, acdisChapter('Heart failure specificity and query escalation')],
    ]),
    // CCDS ends in 75 days: at risk
    ...log('rajesh-patel', [
      [640, 2, acdisChapter('Pressure injury documentation')],
      [560, 8, acdisConference],
      [470, 1, acdisPodcast('Respiratory failure queries')],
      [380, 2, acdisChapter('Encephalopathy: clinical validation')],
      [300, 1, acdisPodcast('Pediatric CDI')],
      [210, 1.5, other('ACDIS webinar: heart failure specificity', 'ACDIS', HIIM)],
      [130, 2, acdisChapter('Denials and appeals for CDI')],
      [60, 1, acdisPodcast('Working with hospitalists')],
      [
        25,
        2.5,
        other(
          'Nursing grand rounds: sepsis bundle compliance',
          'Riverside Regional Nursing Education',
        ),
        rejected('Clinical nursing content without a CDI component; ACDIS will not accept it.'),
      ],
      [15, 4, other('ACDIS CDI Foundations refresher', 'ACDIS', HIIM), pending],
    ]),
    ...log('victor-morales', [
      [200, 2, acdisChapter('Denials and appeals for CDI')],
      [100, 1, acdisPodcast('Working with hospitalists')],
    ]),
    // first cycle, behind
    ...log('mei-chen', [
      [140, 1, acdisPodcast('CDI for new specialists')],
      [90, 2, acdisChapter('Malnutrition criteria: ASPEN and GLIM')],
      [20, 1, acdisPodcast('Query escalation policies'), pending],
    ]),
    // Data Analytics lead: RHIA + CHDA, 40 hours, on track
    ...log('andre-dubois', [
      [530, 8, ahimaConference],
      [470, 3, ahimaVirtual('AHIMA Academy: SQL for healthcare analytics')],
      [420, 1.5, ahimaWebinar('Data quality and information governance')],
      [360, 6, other('Midwest Health Data Analytics Symposium', 'HIMSS Illinois Chapter', HIIM)],
      [290, 3, other('Tableau for quality dashboards', LEARNING_CENTER)],
      [230, 1.5, ahimaWebinar('Risk-adjusted readmission measures')],
      [160, 6, ilhimaMeeting],
      [100, 1.5, ahimaWebinar('Social determinants of health data in analytics')],
      [60, 1, ahimaWebinar('AI in HIM: governing predictive models')],
      [14, 3, ahimaVirtual('CHDA item-writing workshop'), pending],
    ]),
    ...log('sofia-rossi', [
      [290, 1.5, ahimaWebinar('Data quality and information governance')],
      [200, 1, ahimaWebinar('Quality measure abstraction')],
      [130, 2, other('Introduction to R for health data', 'Coursera')],
      [60, 1.5, ahimaWebinar('Risk-adjusted readmission measures')],
      [20, 4, other('Power BI in a Day', 'Microsoft'), rejected(NO_CERTIFICATE)],
    ]),
    ...log('yuki-tanaka', [
      [500, 1.5, ahimaWebinar('EHR optimization after go-live')],
      [250, 2, ahimaWebinar('Interoperability: FHIR for HIM professionals')],
    ]),
    // Cancer Registry: CTR on track, with the category A minimum covered
    ...log('elena-petrova', [
      [500, 8, ncraConference],
      [420, 2, naaccrWebinar('Solid tumor rules: lung')],
      [330, 1.5, ncraWebinar('Summary Stage 2018 update')],
      [
        250,
        3,
        other(
          'Illinois State Cancer Registry annual reporting workshop',
          'Illinois Department of Public Health',
        ),
      ],
      [150, 1, naaccrWebinar('Grade coding')],
      [80, 1.5, ncraWebinar('SEER site-specific data items')],
      [20, 2, naaccrWebinar('Hematopoietic and lymphoid neoplasms'), pending],
    ]),
    // CTR lapsed last month with 4.5 of 20 hours
    ...log('darnell-brooks', [
      [600, 1.5, ncraWebinar('AJCC staging: breast')],
      [400, 2, naaccrWebinar('Solid tumor rules: colon')],
      [100, 1, naaccrWebinar('Grade coding')],
      [5, 1.5, ncraWebinar('Reinstating your CTR'), pending],
    ]),
    ...log('omar-farouk', [
      [270, 1.5, ahimaWebinar('Record completion and deficiency management')],
      [200, 4, other('NCRA webinar: casefinding for registry support staff', 'NCRA', HIIM)],
      [120, 1.5, codingClinic],
      [50, 2, ahimaWebinar('Release of information for registry requests')],
    ]),
    // Management
    ...log('margaret-okonkwo', [
      [300, 8, ahimaConference],
      [210, 6, ilhimaMeeting],
      [150, 1.5, ahimaWebinar('Information blocking and the 21st Century Cures Act')],
      [100, 3, other('Joint Commission executive briefings', 'The Joint Commission', HIIM)],
      [45, 1.5, ahimaWebinar('Leading HIM through an EHR conversion')],
      [12, 8, ahimaVirtual('AHIMA Leadership Symposium'), pending],
    ]),
    // RHIA ends in 40 days: at risk
    ...log('daniel-reyes', [
      [670, 1.5, ahimaWebinar('Revenue cycle metrics for HIM managers')],
      [600, 6, ilhimaMeeting],
      [500, 8, ahimaConference],
      [380, 1.5, ahimaWebinar('Legal health record policies')],
      [250, 2, other('Tracer methodology for HIM', 'The Joint Commission', HIIM)],
      [140, 1.5, ahimaWebinar('Remote coding workforce management')],
      [70, 1, ahimaWebinar('Retention schedules for the legal health record')],
      [30, 3, other('Crucial Conversations workshop', LEARNING_CENTER), rejected(NO_CERTIFICATE)],
      [16, 6, ahimaVirtual('AHIMA Leadership Symposium'), pending],
    ]),
    // RHIT + CHPS, 40 hours, behind
    ...log('priya-raman', [
      [560, 1.5, hccaWebinar('Breach risk assessment under the HIPAA Breach Notification Rule')],
      [
        500,
        8,
        other(
          'HCCA Healthcare Privacy Compliance Academy',
          'Health Care Compliance Association',
          HIIM,
        ),
      ],
      [420, 1.5, ahimaWebinar('Privacy and security of patient portals')],
      [330, 6, ilhimaMeeting],
      [250, 1, ahimaWebinar('Information blocking exceptions')],
      [180, 1.5, hccaWebinar('OCR enforcement trends')],
      [90, 1.5, ahimaWebinar('Reproductive health care privacy')],
      [
        40,
        2,
        other('Cybersecurity awareness for privacy officers', 'Riverside Regional IT Security'),
      ],
      [
        20,
        3,
        other('Illinois privacy law update', 'Illinois State Bar Association'),
        rejected(NO_CERTIFICATE),
      ],
      [10, 1.5, ahimaWebinar('Tracking accounting of disclosures'), pending],
    ]),
    ...log('laura-bennett', [
      [200, 6, ilhimaMeeting],
      [70, 1.5, ahimaWebinar('Competency assessment programs for HIM staff')],
      [
        35,
        2,
        other('Joint Commission: HR.01.06.01 competence assessment', 'The Joint Commission', HIIM),
      ],
    ]),
  ];
}

// ---------- the department ----------

const DEMO_PASSWORDS = {
  director: 'Director!Demo2026',
  manager: 'Manager!Demo2026',
  coder: 'Coder!Demo2026',
} as const;

/** The demo department as of `today` (YYYY-MM-DD); the same `today` always gives the same data. */
export function buildDemoDepartment(today: IsoDate): DemoDepartment {
  toUtcMs(today); // rejects anything but a calendar date
  const daysAgo = (n: number) => addDays(today, -n);

  const staff: DemoStaff[] = STAFF.map((seed) => ({
    key: seed.key,
    name: seed.name,
    email: seed.email ?? workEmail(seed.name),
    employeeId: seed.employeeId,
    teamKey: seed.teamKey,
    roleKey: seed.roleKey,
    status: seed.status ?? 'active',
    hireDate: daysAgo(seed.hiredDaysAgo),
  }));
  const hireDates = new Map(staff.map((member) => [member.key, member.hireDate]));

  const credentials: DemoCredential[] = CREDENTIALS.map((seed) => {
    const issuedOn = daysAgo(seed.issuedDaysAgo);
    const expiresOn =
      seed.expiresInDays === null
        ? null
        : seed.expiresInDays === 'first-cycle'
          ? addMonths(issuedOn, 24)
          : addDays(today, seed.expiresInDays);
    const credential: DemoCredential = {
      key: demoCredentialKey(seed.staffKey, seed.code),
      staffKey: seed.staffKey,
      code: seed.code,
      number: credentialNumber(seed.staffKey, seed.code),
      issuedOn,
      expiresOn,
      verification: seed.verification && {
        method: seed.verification,
        verifiedOn: verifiedOn(
          today,
          issuedOn,
          expiresOn,
          hireDates.get(seed.staffKey) ?? issuedOn,
        ),
      },
    };
    if (seed.revoked) {
      credential.revokedOn = daysAgo(seed.revoked.daysAgo);
      credential.revokedReason = seed.revoked.reason;
    }
    return credential;
  });

  const ceActivities: DemoCeActivity[] = ceSeeds().map((seed) => {
    const completedOn = daysAgo(seed.daysAgo);
    const { title, provider, categories } = seed.source;
    return {
      staffKey: seed.staffKey,
      title: typeof title === 'string' ? title : title(completedOn),
      provider,
      completedOn,
      hours: seed.hours,
      categories: [...categories],
      credentialKeys: (seed.forCodes ?? []).map((code) => demoCredentialKey(seed.staffKey, code)),
      status: seed.status ?? 'approved',
      ...(seed.reviewNote ? { reviewNote: seed.reviewNote } : {}),
    };
  });

  const users: DemoUser[] = [
    {
      email: `director@${EMAIL_DOMAIN}`,
      role: 'admin',
      staffKey: 'margaret-okonkwo',
      password: DEMO_PASSWORDS.director,
      label: 'Director of HIM (admin)',
    },
    {
      email: `manager@${EMAIL_DOMAIN}`,
      role: 'manager',
      staffKey: 'denise-carter',
      password: DEMO_PASSWORDS.manager,
      label: 'Coding manager (manager)',
    },
    {
      email: `coder@${EMAIL_DOMAIN}`,
      role: 'staff',
      staffKey: 'miguel-alvarez',
      password: DEMO_PASSWORDS.coder,
      label: 'Inpatient coder (staff)',
    },
  ];

  return {
    department: {
      name: 'Riverside Regional Medical Center — Health Information Management',
      timeZone: 'America/Chicago',
      requireVerification: false,
      expiryWarningDays: 90,
      reminderLeadDays: [90, 60, 30, 7],
    },
    skills: SKILLS.map((s) => ({ ...s })),
    credentialTypes: CREDENTIAL_TYPES.map((t) => ({
      ...t,
      evidencesSkills: t.evidencesSkills.map((e) => ({ ...e })),
    })),
    ceRules: CE_RULES.map((r) => ({
      ...r,
      minimums: r.minimums.map((m) => ({ ...m, categories: [...m.categories] })),
    })),
    roles: ROLES.map((r) => ({ ...r, requirements: r.requirements.map(copyRequirement) })),
    teams: TEAMS.map((t) => ({
      ...t,
      managerStaffKeys: [...t.managerStaffKeys],
      coverageTargets: t.coverageTargets.map((c) => ({
        requirement: copyRequirement(c.requirement),
        minHolders: c.minHolders,
      })),
    })),
    staff,
    credentials,
    assessments: buildAssessments(today, staff),
    ceActivities,
    users,
  };
}

/**
 * Primary-source checks happen at hire and at each renewal (Joint Commission HR.01.01.01):
 * the latest of hire, exam and start of the current cycle, a week later, never after today.
 */
function verifiedOn(
  today: IsoDate,
  issuedOn: IsoDate,
  expiresOn: IsoDate | null,
  hireDate: IsoDate,
): IsoDate {
  const cycleStart = expiresOn ? addDays(addMonths(expiresOn, -24), 1) : issuedOn;
  const checked = addDays(laterOf(laterOf(issuedOn, hireDate), cycleStart), 7);
  return laterOf(issuedOn, earlierOf(checked, today));
}

function copyRequirement(requirement: DemoRequirement): DemoRequirement {
  return requirement.kind === 'skill'
    ? { ...requirement }
    : { kind: 'credential', anyOfCodes: [...requirement.anyOfCodes] };
}
