/** Who holds which credential, when it was issued and when its current cycle ends. */
import { years } from './spread';

export interface CredentialSeed {
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
export const CREDENTIALS: CredentialSeed[] = [
  // Management
  { staffKey: 'margaret-okonkwo', code: 'RHIA', issuedDaysAgo: years(21.4), expiresInDays: 500, verification: 'primary-source' },
  // her RHIT of before the RHIA, kept on one cycle with it: the RHIA supersedes it (30 hours, not 40)
  { staffKey: 'margaret-okonkwo', code: 'RHIT', issuedDaysAgo: years(24.2), expiresInDays: 500, verification: 'primary-source' },
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
  // Cancer Registry: one current ODS for a target of two
  { staffKey: 'elena-petrova', code: 'ODS', issuedDaysAgo: years(12.4), expiresInDays: 210, verification: 'primary-source' },
  { staffKey: 'darnell-brooks', code: 'ODS', issuedDaysAgo: years(5.2), expiresInDays: -33, verification: 'primary-source' },
  { staffKey: 'omar-farouk', code: 'RHIT', issuedDaysAgo: years(4.0), expiresInDays: 440, verification: 'certificate-copy' },
];
