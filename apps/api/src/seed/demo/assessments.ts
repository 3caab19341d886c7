/** Skill levels that differ from what each member's role requires, with the managers' notes. */

export interface AssessmentOverride {
  manager?: number;
  self?: number;
  /** self- and manager assessment on one day (the manager's outranks, R2) */
  sameDay?: boolean;
  note?: string;
  /** both the self- and the manager assessment this many days ago (a lapsing one, R2) */
  daysAgo?: number;
}

/**
 * Levels that differ from the role's required level. Everyone else is assessed at the level
 * the role requires, by themselves at the annual review and by their manager since.
 */
export const ASSESSMENT_OVERRIDES: Record<string, Record<string, AssessmentOverride>> = {
  'margaret-okonkwo': {
    // retrained 350 days ago: due again within the month
    hipaa: { manager: 4, self: 4, daysAgo: 350 },
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
    // the yearly HIPAA retraining is overdue (her CHPS still evidences the skill)
    hipaa: { manager: 4, self: 4, daysAgo: 380, note: 'Annual HIPAA retraining overdue.' },
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
