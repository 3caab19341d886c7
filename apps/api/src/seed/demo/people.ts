/** The people of the demo department and the three demo logins. */
import type { DemoUser } from './model';
import { years } from './spread';

export interface StaffSeed {
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

export const EMAIL_DOMAIN = 'riverside-demo.org';

// prettier-ignore
export const STAFF: StaffSeed[] = [
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

const DEMO_PASSWORDS = {
  director: 'Director!Demo2026',
  manager: 'Manager!Demo2026',
  coder: 'Coder!Demo2026',
} as const;

/** The demo accounts, as the console and the README print them. */
export const DEMO_ACCOUNTS: readonly DemoUser[] = [
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
