/** Types of health-system.cjs for TypeScript callers (the integration tests). */

export interface HealthSystemOptions {
  /** a PostgreSQL database already migrated with the real migrations */
  databaseUrl: string;
  /** staff in the whole system (default 10,000 x scale) */
  staff?: number;
  /** every count at --staff 10000 times this (default staff / 10,000); give staff or scale */
  scale?: number;
  /** departments the staff are spread over (default 1) */
  departments?: number;
  /** the same seed (and options) give the same rows (default 1) */
  seed?: number;
  /** YYYY-MM-DD the dates spread around (default 2026-11-24) */
  today?: string;
  /** password of every generated account (default generated-password-1) */
  password?: string;
  /** every Nth member holds no credential (default 0: none) */
  withoutCredentialsEvery?: number;
  /** prints what was written and how long it took */
  log?: (line: string) => void;
}

export interface GeneratedDepartment {
  id: string;
  name: string;
  domain: string;
  staff: number;
  teams: { id: string; name: string; size: number }[];
  roles: string[];
  credentialTypes: string[];
}

export interface HealthSystem {
  options: { staff: number; scale: number; departments: number; seed: number; today: string };
  /** rows written per table */
  counts: Record<string, number>;
  seconds: number;
  accounts: {
    /** one per department, in department order */
    admins: { email: string; departmentId: string }[];
    /** manages the first team of the first department */
    manager: { email: string; staffId: string; teamId: string };
    /** an active member of that team */
    staff: { email: string; staffId: string; teamId: string };
    password: string;
  };
  departments: GeneratedDepartment[];
}

export interface ResolvedOptions {
  staff: number;
  scale: number;
  departments: number;
  today: string;
  seed: number;
  password: string;
  withoutCredentialsEvery: number;
  counts: Record<
    'team' | 'role' | 'skill' | 'credentialType' | 'credential' | 'ceActivity' | 'assessment',
    number
  >;
}

export declare function generateHealthSystem(options: HealthSystemOptions): Promise<HealthSystem>;
export declare function resolveOptions(
  options?: Omit<HealthSystemOptions, 'databaseUrl' | 'log'>,
): ResolvedOptions;
export declare function apportion(total: number, weights: number[]): number[];

/** A staff import file (docs/import.md): `rows` new members, spread over the teams and roles named. */
export declare function staffImportCsv(options: {
  rows: number;
  employeeIdPrefix: string;
  name: string;
  emailDomain: string;
  teams: string[];
  roles: string[];
  status?: string;
  hiredIn: string;
}): string;

/** A credentials import file for the members of a staff import file. */
export declare function credentialImportCsv(options: {
  rows: number;
  employeeIdPrefix: string;
  codes: string[];
  numberPrefix: string;
  issuedIn: string;
  expiresIn: string;
  verifiedIn?: string;
}): string;
