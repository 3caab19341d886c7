/**
 * The CE log: what each credential holder attended, chosen so that each CE group lands on the
 * status the demo shows (met, on track, behind, at risk).
 */
import type { IsoDate } from '@him/contracts';

const yearOf = (on: IsoDate): number => Number(on.slice(0, 4));

const HIIM = ['hiim-domain'];
const HIIM_AHIMA = ['hiim-domain', 'ahima-provided'];
const CTR_A = ['ctr-category-a'];

/** What was attended; the title may depend on the day (conference year, Coding Clinic quarter). */
export interface CeSource {
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

export interface CeSeed {
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
export function ceSeeds(): CeSeed[] {
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
    // Cancer Registry: ODS on track, with the category A minimum covered
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
    // ODS lapsed last month with 4.5 of 20 hours
    ...log('darnell-brooks', [
      [600, 1.5, ncraWebinar('AJCC staging: breast')],
      [400, 2, naaccrWebinar('Solid tumor rules: colon')],
      [100, 1, naaccrWebinar('Grade coding')],
      [5, 1.5, ncraWebinar('Reinstating your ODS credential'), pending],
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
