/**
 * Roles with what they require (credentials.md's "credentials typical of HIM roles") and the
 * teams with their managers and coverage targets.
 */
import type { DemoRequirement, DemoRole, DemoTeam } from './model';

const skill = (skillKey: string, minLevel: number): DemoRequirement => ({
  kind: 'skill',
  skillKey,
  minLevel,
});
const anyOf = (...anyOfCodes: string[]): DemoRequirement => ({ kind: 'credential', anyOfCodes });

export const ROLES: DemoRole[] = [
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
      'Codes physician services in CPT and HCPCS, submits claims, follows up on unpaid ones and talks to patients about bills. CPC or CCS-P required.',
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

export const TEAMS: DemoTeam[] = [
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
