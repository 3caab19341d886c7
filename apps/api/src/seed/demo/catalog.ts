/**
 * The demo's catalog: skills (from `shared/seed/him-careers-article.txt`), credential types and
 * CE rules (from `shared/spec/credentials.md`).
 */
import type { DemoCredentialType, DemoDepartment, DemoSkill } from './model';

export const SKILLS: DemoSkill[] = [
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
    // 45 CFR 164.530(b): workforce training documented; the department retrains every year
    reassessMonths: 12,
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

export const AHIMA = 'AHIMA';
export const AAPC = 'AAPC';
export const NCRA = 'NCRA';
export const ACDIS = 'ACDIS';

const ev = (skillKey: string, level: number) => ({ skillKey, level });

export const CREDENTIAL_TYPES: DemoCredentialType[] = [
  {
    code: 'RHIA',
    name: 'Registered Health Information Administrator',
    issuingBody: AHIMA,
    baseCeus: 30,
    evidencesSkills: [ev('ehr', 3), ev('hipaa', 3)],
    // a holder of both maintains the RHIA only (credentials.md)
    supersedesCodes: ['RHIT'],
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
    code: 'ODS',
    name: 'Oncology Data Specialist',
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

export const CE_RULES: DemoDepartment['ceRules'] = [
  {
    issuingBody: AHIMA,
    cycleMonths: 24,
    extraPerAdditional: 10,
    cap: 50,
    minimums: [
      { categories: ['hiim-domain'], share: 0.8 },
      { categories: ['ahima-provided'], share: 0.4 },
    ],
    afterLapse: [{ state: 'inactive', days: 180 }],
  },
  {
    issuingBody: AAPC,
    cycleMonths: 24,
    extraPerAdditional: 4,
    cap: 52,
    minimums: [],
    afterLapse: [{ state: 'grace', days: 90 }],
  },
  {
    issuingBody: NCRA,
    cycleMonths: 24,
    extraPerAdditional: 0,
    cap: null,
    minimums: [{ categories: ['ctr-category-a'], hours: 4 }],
    afterLapse: [],
  },
  {
    issuingBody: ACDIS,
    cycleMonths: 24,
    extraPerAdditional: 0,
    cap: null,
    minimums: [],
    afterLapse: [{ state: 'grace', days: 45 }],
  },
];
