'use strict';
// The words of a generated health system: HIM skills, credential types and their bodies' CE
// rules (shared/spec/credentials.md first, then other real HIM credentials), role families,
// team functions, hospitals and people's names. Plain data; health-system.cjs decides how many
// of each a system gets and who holds what.

/** [key, name, category]: real HIM skills; generated ones follow (specialty coding, CDI ...). */
const SKILLS = [
  ['ehr', 'EHR management', 'technical'],
  ['icd10cm', 'ICD-10-CM diagnosis coding', 'technical'],
  ['icd10pcs', 'ICD-10-PCS procedure coding', 'technical'],
  ['cpt', 'CPT coding', 'technical'],
  ['hcpcs', 'HCPCS Level II coding', 'technical'],
  ['data-analysis', 'Data analysis and reporting', 'technical'],
  ['data-governance', 'Health data governance', 'technical'],
  ['hipaa', 'HIPAA privacy and security', 'regulatory'],
  ['cms', 'CMS regulations', 'regulatory'],
  ['joint-commission', 'Joint Commission standards', 'regulatory'],
  ['state-regs', 'State health-information regulations', 'regulatory'],
  ['ethics-roi', 'Ethics and release of information', 'regulatory'],
  ['communication', 'Communication and interpersonal skills', 'soft'],
  ['detail', 'Attention to detail', 'soft'],
  ['problem-solving', 'Problem solving', 'soft'],
  ['ms-drg', 'MS-DRG assignment', 'technical'],
  ['apr-drg', 'APR-DRG and severity of illness', 'technical'],
  ['hcc', 'HCC risk adjustment coding', 'technical'],
  ['em', 'Evaluation and management leveling', 'technical'],
  ['modifiers', 'CPT and HCPCS modifiers', 'technical'],
  ['encoder', 'Encoder and grouper software', 'technical'],
  ['abstracting', 'Cancer case abstracting', 'technical'],
  ['staging', 'Cancer staging (AJCC, Summary Stage)', 'technical'],
  ['mpi', 'Master patient index maintenance', 'technical'],
  ['imaging', 'Document imaging and indexing', 'technical'],
  ['deficiency', 'Chart deficiency analysis', 'technical'],
  ['query', 'Physician query writing', 'technical'],
  ['clinical-validation', 'Clinical validation', 'technical'],
  ['sql', 'SQL and database queries', 'technical'],
  ['dashboards', 'Dashboard and report building', 'technical'],
  ['statistics', 'Statistical methods', 'technical'],
  ['interoperability', 'Interoperability and health information exchange', 'technical'],
  ['revenue-cycle', 'Revenue cycle and claims', 'technical'],
  ['denials', 'Denials and appeals', 'technical'],
  ['audits', 'Coding audits', 'technical'],
  ['legal-record', 'Legal health record and retention', 'regulatory'],
  ['info-blocking', 'Information blocking (21st Century Cures Act)', 'regulatory'],
  ['oig', 'OIG compliance program', 'regulatory'],
  ['breach', 'Breach risk assessment', 'regulatory'],
  ['subpoenas', 'Subpoenas and court orders', 'regulatory'],
  ['coding-clinic', 'Coding Clinic guidance', 'regulatory'],
  ['medical-necessity', 'Medical necessity (LCD and NCD)', 'regulatory'],
  ['teaching', 'Teaching and coaching', 'soft'],
  ['leadership', 'Leadership', 'soft'],
  ['time-management', 'Time management', 'soft'],
  ['customer-service', 'Customer service', 'soft'],
];

/** Clinical specialties: generated skills ("Cardiology coding") and role variants. */
const SPECIALTIES = [
  'Cardiology',
  'Interventional radiology',
  'Orthopedics',
  'Obstetrics and gynecology',
  'Oncology',
  'Emergency medicine',
  'Anesthesia',
  'General surgery',
  'Neurology',
  'Urology',
  'Gastroenterology',
  'Pulmonology',
  'Nephrology',
  'Pediatrics',
  'Dermatology',
  'Ophthalmology',
  'Otolaryngology',
  'Behavioral health',
  'Radiology',
  'Pathology and laboratory',
  'Wound care',
  'Infusion and injection',
  'Hospital medicine',
  'Critical care',
  'Trauma',
  'Cardiothoracic surgery',
  'Vascular surgery',
  'Plastic surgery',
  'Rehabilitation',
  'Home health',
  'Skilled nursing',
  'Hospice',
  'Ambulatory surgery',
  'Telehealth',
  'Dialysis',
  'Endocrinology',
  'Rheumatology',
  'Infectious disease',
  'Neonatology',
  'Transplant',
];

/** Ways to work in a specialty; `${specialty} ${suffix}` names a generated skill. */
const SPECIALTY_SKILLS = ['coding', 'documentation integrity', 'case abstracting'];

/**
 * [code, name, body, base CE hours, [skill key, level] evidenced]: the types credentials.md
 * names, then other real HIM credentials. Past the list, generated AAPC specialty credentials.
 */
const CREDENTIAL_TYPES = [
  [
    'RHIA',
    'Registered Health Information Administrator',
    'AHIMA',
    30,
    [
      ['ehr', 3],
      ['hipaa', 3],
    ],
  ],
  [
    'RHIT',
    'Registered Health Information Technician',
    'AHIMA',
    20,
    [
      ['ehr', 2],
      ['hipaa', 2],
    ],
  ],
  [
    'CCS',
    'Certified Coding Specialist',
    'AHIMA',
    20,
    [
      ['icd10cm', 3],
      ['icd10pcs', 3],
    ],
  ],
  [
    'CCS-P',
    'Certified Coding Specialist – Physician-based',
    'AHIMA',
    20,
    [
      ['cpt', 3],
      ['hcpcs', 3],
    ],
  ],
  [
    'CCA',
    'Certified Coding Associate',
    'AHIMA',
    20,
    [
      ['icd10cm', 2],
      ['cpt', 2],
    ],
  ],
  ['CDIP', 'Certified Documentation Integrity Practitioner', 'AHIMA', 30, [['query', 3]]],
  ['CHDA', 'Certified Health Data Analyst', 'AHIMA', 30, [['data-analysis', 3]]],
  ['CHPS', 'Certified in Healthcare Privacy and Security', 'AHIMA', 30, [['hipaa', 4]]],
  [
    'CPC',
    'Certified Professional Coder',
    'AAPC',
    36,
    [
      ['cpt', 3],
      ['hcpcs', 3],
    ],
  ],
  [
    'ODS',
    'Oncology Data Specialist (formerly CTR)',
    'NCRA',
    20,
    [
      ['abstracting', 3],
      ['staging', 3],
    ],
  ],
  [
    'CCDS',
    'Certified Clinical Documentation Specialist',
    'ACDIS',
    30,
    [
      ['query', 3],
      ['clinical-validation', 3],
    ],
  ],
  ['CCDS-O', 'Certified Clinical Documentation Specialist – Outpatient', 'ACDIS', 30, [['hcc', 3]]],
  ['CRIS', 'Certified Release of Information Specialist', 'AHIOS', 20, [['ethics-roi', 3]]],
  ['COC', 'Certified Outpatient Coder', 'AAPC', 36, [['cpt', 3]]],
  ['CRC', 'Certified Risk Adjustment Coder', 'AAPC', 36, [['hcc', 3]]],
  ['CPB', 'Certified Professional Biller', 'AAPC', 36, [['revenue-cycle', 3]]],
  ['CPMA', 'Certified Professional Medical Auditor', 'AAPC', 36, [['audits', 3]]],
  ['CIC', 'Certified Inpatient Coder', 'AAPC', 36, [['icd10pcs', 3]]],
  ['CHC', 'Certified in Healthcare Compliance', 'HCCA', 40, [['oig', 3]]],
  ['CPHQ', 'Certified Professional in Healthcare Quality', 'NAHQ', 30, [['statistics', 2]]],
  ['CHPC', 'Certified in Healthcare Privacy Compliance', 'HCCA', 40, [['hipaa', 3]]],
  ['RHDS', 'Registered Healthcare Documentation Specialist', 'AHDI', 20, [['detail', 3]]],
  [
    'CPHIMS',
    'Certified Professional in Healthcare Information and Management Systems',
    'HIMSS',
    45,
    [['interoperability', 3]],
  ],
  ['CRCR', 'Certified Revenue Cycle Representative', 'HFMA', 12, [['revenue-cycle', 2]]],
];

/**
 * [body, cycle months, extra per additional credential, cap, minimums]: AHIMA, AAPC, NCRA and
 * ACDIS as credentials.md gives them; the others are plausible defaults an admin would enter.
 */
const CE_RULES = [
  [
    'AHIMA',
    24,
    10,
    50,
    [
      { categories: ['hiim-domain'], share: 0.8 },
      { categories: ['ahima-provided'], share: 0.4 },
    ],
  ],
  ['AAPC', 24, 4, 52, []],
  ['NCRA', 24, 0, null, [{ categories: ['ctr-category-a'], hours: 4 }]],
  ['ACDIS', 24, 0, null, []],
  ['AHIOS', 24, 0, null, []],
  ['HCCA', 24, 0, null, []],
  ['NAHQ', 24, 0, null, []],
  ['AHDI', 36, 0, null, []],
  ['HIMSS', 36, 0, null, []],
  ['HFMA', 24, 0, null, []],
];

/**
 * Role families: [name, codes of the credential group it requires (empty: none), [skill key,
 * level] required, the family its members hold in a catalog too small to have it]. The first
 * twelve are the roles of credentials.md; variants per specialty follow ("Medical Coder
 * (Inpatient), Cardiology").
 */
const ROLE_FAMILIES = [
  [
    'Medical Records Clerk',
    [],
    [
      ['ehr', 2],
      ['hipaa', 2],
      ['detail', 2],
    ],
  ],
  [
    'Health Information Technician',
    ['RHIT', 'RHIA'],
    [
      ['ehr', 3],
      ['icd10cm', 2],
      ['hipaa', 2],
    ],
  ],
  [
    'Medical Coder (Inpatient)',
    ['CCS', 'CPC', 'CIC'],
    [
      ['icd10cm', 3],
      ['icd10pcs', 3],
      ['ms-drg', 2],
    ],
  ],
  [
    'Medical Coder (Professional Fee)',
    ['CPC', 'CCS-P'],
    [
      ['cpt', 3],
      ['hcpcs', 3],
      ['em', 2],
    ],
  ],
  [
    'Clinical Documentation Integrity Specialist',
    ['CDIP', 'CCDS'],
    [
      ['icd10cm', 3],
      ['query', 3],
      ['clinical-validation', 2],
    ],
  ],
  [
    'Clinical Data Analyst',
    ['CHDA'],
    [
      ['data-analysis', 3],
      ['sql', 2],
      ['statistics', 2],
    ],
  ],
  [
    'Release of Information Specialist',
    [],
    [
      ['hipaa', 3],
      ['ethics-roi', 3],
      ['subpoenas', 2],
    ],
  ],
  [
    'Privacy Officer',
    ['CHPS', 'CHPC'],
    [
      ['hipaa', 4],
      ['breach', 3],
      ['state-regs', 3],
    ],
  ],
  [
    'Cancer Registrar',
    ['ODS'],
    [
      ['abstracting', 3],
      ['staging', 3],
      ['detail', 3],
    ],
  ],
  [
    'HIM Manager',
    ['RHIA', 'RHIT'],
    [
      ['hipaa', 3],
      ['cms', 3],
      ['leadership', 3],
    ],
  ],
  [
    'Director of HIM',
    ['RHIA'],
    [
      ['joint-commission', 3],
      ['cms', 3],
      ['leadership', 3],
    ],
  ],
  [
    'Health Informatics Specialist',
    [],
    [
      ['ehr', 3],
      ['data-governance', 3],
      ['interoperability', 2],
    ],
  ],
  [
    'Medical Coder (Outpatient)',
    ['COC', 'CCS', 'CPC'],
    [
      ['cpt', 3],
      ['icd10cm', 3],
      ['modifiers', 2],
    ],
    3,
  ],
  [
    'Risk Adjustment Coder',
    ['CRC', 'CCDS-O'],
    [
      ['hcc', 3],
      ['icd10cm', 3],
    ],
    3,
  ],
  [
    'Coding Auditor',
    ['CPMA', 'CCS'],
    [
      ['audits', 3],
      ['coding-clinic', 3],
      ['teaching', 2],
    ],
    2,
  ],
  [
    'Denials Specialist',
    ['CPB', 'CCS'],
    [
      ['denials', 3],
      ['medical-necessity', 2],
      ['revenue-cycle', 2],
    ],
    3,
  ],
  [
    'Record Completion Specialist',
    [],
    [
      ['deficiency', 3],
      ['ehr', 2],
      ['communication', 2],
    ],
    1,
  ],
  [
    'Master Patient Index Specialist',
    [],
    [
      ['mpi', 3],
      ['detail', 3],
    ],
    0,
  ],
  [
    'Scanning and Indexing Specialist',
    [],
    [
      ['imaging', 3],
      ['detail', 2],
    ],
    0,
  ],
  [
    'Compliance Auditor',
    ['CHC'],
    [
      ['oig', 3],
      ['audits', 2],
      ['cms', 2],
    ],
    7,
  ],
];

/** Team functions: [name, role families (indexes above) its members mostly hold]. */
const TEAM_FUNCTIONS = [
  ['Inpatient Coding', [2, 14]],
  ['Outpatient Coding', [12, 3]],
  ['Professional Fee Coding', [3, 13]],
  ['Clinical Documentation Integrity', [4]],
  ['Release of Information', [6, 0]],
  ['Record Completion', [16, 1]],
  ['Cancer Registry', [8]],
  ['Data Analytics', [5, 11]],
  ['Privacy and Compliance', [7, 19]],
  ['Scanning and Indexing', [18, 0]],
  ['Coding Quality', [14, 2]],
  ['Denials Management', [15, 3]],
  ['Master Patient Index', [17, 1]],
];
/** The families every team has a few of, whatever its function. */
const GENERAL_FAMILIES = [0, 1];
const MANAGER_FAMILY = 9;
const DIRECTOR_FAMILY = 10;

const CAMPUSES = [
  'Main Campus',
  'North Campus',
  'South Campus',
  'East Pavilion',
  'West Pavilion',
  'Outpatient Center',
  "Children's Hospital",
  'Heart Institute',
  'Cancer Institute',
  'Remote',
  'Lakeshore',
  'Riverside',
];

const HOSPITALS = [
  'Maple Grove Medical Center',
  'Prairie State University Hospital',
  'Bayside General Hospital',
  'Summit Ridge Hospital',
  'Willow Creek Medical Center',
  'Ironwood Regional Hospital',
  "Clearwater Children's Hospital",
  'Oak Hollow Community Hospital',
  'Granite Falls Medical Center',
  'Silver Lake Hospital',
  'Eastbrook Medical Center',
  'Pine Bluff Community Hospital',
  'Fairhaven Rehabilitation Hospital',
  'Highland Park Cancer Center',
  'Meadowbrook Behavioral Health',
  'Westfield University Hospital',
  'Cedar Valley Health',
  'Harbor Point Medical Center',
  'Stonebridge Surgical Hospital',
  'Elm Street Heart Hospital',
];

const TIME_ZONES = [
  'America/Chicago',
  'America/New_York',
  'America/Denver',
  'America/Los_Angeles',
  'America/Phoenix',
];

// prettier-ignore
const FIRST_NAMES = [
  'Aaliyah', 'Aaron', 'Abigail', 'Adrian', 'Aisha', 'Alejandro', 'Alicia', 'Amir', 'Ana', 'Andre',
  'Angela', 'Anh', 'Ashley', 'Ava', 'Benjamin', 'Brianna', 'Camila', 'Carlos', 'Catherine', 'Chen',
  'Chloe', 'Daniel', 'Darnell', 'David', 'Deborah', 'Denise', 'Destiny', 'Diego', 'Elena', 'Elijah',
  'Emily', 'Emmanuel', 'Fatima', 'Gabriel', 'Grace', 'Hannah', 'Hiroshi', 'Ibrahim', 'Isabel', 'Jamal',
  'James', 'Jasmine', 'Jennifer', 'Jose', 'Joseph', 'Kateryna', 'Kevin', 'Keisha', 'Laura', 'Leticia',
  'Linda', 'Luis', 'Maria', 'Marcus', 'Margaret', 'Mei', 'Michael', 'Miguel', 'Mohammed', 'Nadia',
  'Natalie', 'Nguyen', 'Olivia', 'Omar', 'Patricia', 'Priya', 'Rachel', 'Rajesh', 'Rebecca', 'Robert',
  'Rosa', 'Samuel', 'Sandra', 'Sarah', 'Sofia', 'Sunita', 'Tamika', 'Thomas', 'Tuan', 'Tyler',
  'Valentina', 'Victor', 'William', 'Xavier', 'Yara', 'Yuki', 'Zainab', 'Zoe', 'Kwame', 'Ingrid',
];

// prettier-ignore
const LAST_NAMES = [
  'Adams', 'Ahmed', 'Alvarez', 'Anderson', 'Baker', 'Bennett', 'Brooks', 'Brown', 'Carter', 'Chen',
  'Clark', 'Cohen', 'Davis', 'Delgado', 'Diaz', 'Dubois', 'Evans', 'Farouk', 'Fischer', 'Garcia',
  'Goldberg', 'Gonzalez', 'Green', 'Haddad', 'Hall', 'Harris', 'Hassan', 'Hernandez', 'Hill', 'Jackson',
  'Johansson', 'Johnson', 'Jones', 'Kim', 'King', 'Kowalski', 'Lee', 'Lewis', 'Lopez', 'Martin',
  'Martinez', 'Mensah', 'Miller', 'Mitchell', 'Moore', 'Morales', 'Murphy', 'Nguyen', "O'Brien", 'Okafor',
  'Okonkwo', 'Osei', 'Patel', 'Perez', 'Petrova', 'Pham', 'Ramirez', 'Raman', 'Reyes', 'Robinson',
  'Rodriguez', 'Rossi', 'Santos', 'Schmidt', 'Scott', 'Shah', 'Singh', 'Smith', 'Sullivan', 'Tanaka',
  'Taylor', 'Thomas', 'Thompson', 'Torres', 'Walker', 'Washington', 'White', 'Williams', 'Wilson', 'Wright',
  'Young', 'Zhang', 'Novak', 'Kaur', 'Ivanova', 'Costa', 'Silva', 'Yilmaz', 'Nakamura', 'Lindqvist',
];

/** Where CE comes from, per body: [title, provider, categories]. */
const CE_SOURCES = {
  AHIMA: [
    ['AHIMA webinar: ICD-10-PCS root operations', 'AHIMA', ['hiim-domain', 'ahima-provided']],
    ['AHIMA Clinical Documentation and Coding Summit', 'AHIMA', ['hiim-domain', 'ahima-provided']],
    [
      'State HIM association annual meeting',
      'State HIM association (AHIMA component)',
      ['hiim-domain', 'ahima-provided'],
    ],
    [
      'Coding Clinic for ICD-10-CM/PCS quarterly update',
      'American Hospital Association Central Office',
      ['hiim-domain'],
    ],
    ['AHIMA webinar: information blocking exceptions', 'AHIMA', ['hiim-domain', 'ahima-provided']],
    [
      'HCCA web conference: HIPAA right of access',
      'Health Care Compliance Association',
      ['hiim-domain'],
    ],
    ['Leading hybrid teams', 'Hospital learning center', []],
  ],
  AAPC: [
    ['AAPC local chapter meeting', 'AAPC local chapter', ['hiim-domain']],
    ['AAPC webinar: modifier 25 audits', 'AAPC', []],
    ['AAPC HEALTHCON', 'AAPC', []],
    ['CPT code changes for the coming year', 'AAPC', []],
  ],
  NCRA: [
    ['NCRA Center for Cancer Registry Education webinar', 'NCRA', ['ctr-category-a']],
    ['NAACCR webinar: solid tumor rules', 'NAACCR', []],
    ['NCRA Annual Educational Conference', 'NCRA', ['ctr-category-a']],
  ],
  ACDIS: [
    ['ACDIS podcast: clinical validation queries', 'ACDIS', ['hiim-domain']],
    ['ACDIS local chapter meeting', 'ACDIS local chapter', ['hiim-domain']],
    ['ACDIS National Conference', 'ACDIS', ['hiim-domain']],
  ],
  OTHER: [
    ['Compliance Institute session', 'Health Care Compliance Association', []],
    ['Quality and patient safety webinar', 'NAHQ', []],
    ['Revenue cycle workshop', 'HFMA', []],
    ['Healthcare documentation webinar', 'AHDI', []],
  ],
};

module.exports = {
  SKILLS,
  SPECIALTIES,
  SPECIALTY_SKILLS,
  CREDENTIAL_TYPES,
  CE_RULES,
  ROLE_FAMILIES,
  TEAM_FUNCTIONS,
  GENERAL_FAMILIES,
  MANAGER_FAMILY,
  DIRECTOR_FAMILY,
  CAMPUSES,
  HOSPITALS,
  TIME_ZONES,
  FIRST_NAMES,
  LAST_NAMES,
  CE_SOURCES,
};
