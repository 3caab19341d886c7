import { availableParallelism } from 'node:os';
import { passwordProblem } from '../auth/password-policy';

/**
 * The environment, validated once at boot. A bad value stops the server with a message
 * that names the variable (STYLE.md: configuration fails fast).
 */
export interface Env {
  PORT: number;
  HOST: string;
  /** PostgreSQL connection string; when absent an embedded PostgreSQL is started under DATA_DIR. */
  DATABASE_URL: string | undefined;
  /** Where the embedded database lives (default `.data` in the working directory); evidence files are kept in PostgreSQL (docs/evidence.md). */
  DATA_DIR: string;
  /** Port of the embedded PostgreSQL (default 5433, so a system PostgreSQL on 5432 is left alone). */
  EMBEDDED_PG_PORT: number;
  /** Seed the demo department into an empty database. Default: true with the embedded database, false with DATABASE_URL. */
  SEED_DEMO: boolean;
  ADMIN_EMAIL: string | undefined;
  ADMIN_PASSWORD: string | undefined;
  /** Signing secret for access tokens; when absent one is generated into DATA_DIR/secrets (never the database). */
  JWT_SECRET: string | undefined;
  JWT_TTL_SECONDS: number;
  /** Failed sign-ins to one account (from any address) within 15 minutes before it is throttled for 15 minutes. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: number;
  /** Failed sign-ins from one client address (to any account) within 15 minutes before it is throttled. */
  LOGIN_MAX_FAILURES_PER_ADDRESS: number;
  /**
   * Express's `trust proxy`: which reverse proxies may name the client in X-Forwarded-For (false:
   * none, the peer is the client; true; a hop count; or a list of addresses and subnets).
   */
  TRUST_PROXY: boolean | number | string;
  /**
   * Serve the Swagger UI and the OpenAPI document (/api/docs, /api/docs-json). Default: on with the
   * embedded database, off with DATABASE_URL or NODE_ENV=production.
   */
  API_DOCS: boolean;
  /** Directory of the built dashboard to serve; empty string disables serving it. */
  DASHBOARD_DIR: string | undefined;
  LOG_SQL: boolean;
  /** Largest evidence file accepted (PDF, PNG, JPEG), in bytes (default 10 MB). */
  EVIDENCE_MAX_BYTES: number;
  /** SMTP server for e-mail (`smtp://user:pass@host:587`, `smtps://...`); unset: no e-mail, in-app notices only. */
  SMTP_URL: string | undefined;
  /** The From address of every e-mail (`HIM Readiness <him@hospital.example>`). */
  MAIL_FROM: string;
  /** The address people open the dashboard at; links in e-mails and webhooks start with it. */
  PUBLIC_URL: string;
  /** Run the reminder scheduler in this process (default true); POST /reminders/run works either way. */
  REMINDERS_SCHEDULER: boolean;
  /** How often the scheduler looks for due reminders and digests, in minutes (default 10). */
  REMINDERS_INTERVAL_MINUTES: number;
  /** Record each department's figures of the day (readiness snapshots) in this process (default true). */
  SNAPSHOTS_SCHEDULER: boolean;
  /** Attempts after the first for an e-mail or webhook delivery (default 10), with exponential backoff. */
  DELIVERY_RETRY_LIMIT: number;
  /** The first retry's delay in seconds (default 30); each later one about doubles. */
  DELIVERY_RETRY_DELAY_SECONDS: number;
  /** A delivery whose process died is retried after this many seconds (default 300). */
  DELIVERY_TIMEOUT_SECONDS: number;
  /** How often the job engine looks for deliveries whose process died, in seconds (default 60). */
  JOBS_MAINTENANCE_SECONDS: number;
  /** Allow webhook endpoints on http://127.0.0.1 or http://localhost (tests, a local relay); default false: HTTPS only. */
  WEBHOOK_ALLOW_HTTP_LOOPBACK: boolean;
  /** A read-only replica for analysis and reports (read once it has caught up); unset: the primary. */
  DATABASE_READ_URL: string | undefined;
  /** Worker threads computing readiness, the skills matrix and CE status at once per process (0: in the event loop). */
  RULES_WORKERS: number;
  /** Computations that may wait for a worker; beyond that a request answers 503 with Retry-After. */
  RULES_QUEUE: number;
  /** Database connections of each worker thread (the facts load in parallel queries). */
  RULES_WORKER_CONNECTIONS: number;
  /**
   * Nice value of the worker threads (Linux: per thread): above 0 they give way to the event
   * loop when the CPU is short, so /api/health answers while a department is computed.
   */
  RULES_WORKER_NICE: number;
  /** Analysis answers kept in memory per process (keyed by department data version). */
  ANALYSIS_CACHE_ENTRIES: number;
  /** Single sign-on through an OpenID Connect provider; null when OIDC_ISSUER is not set. */
  OIDC: OidcSettings | null;
}

/** The roles a provider's group can grant, highest first. */
export const OIDC_ROLES = ['admin', 'manager', 'staff'] as const;
export type OidcRole = (typeof OIDC_ROLES)[number];

export interface OidcSettings {
  /** OIDC_ISSUER: the provider's issuer URL (its discovery document is at /.well-known/openid-configuration) */
  issuer: string;
  clientId: string;
  /** OIDC_CLIENT_SECRET; absent for a public client (PKCE alone) */
  clientSecret: string | undefined;
  /** OIDC_PROVIDER_NAME: what the sign-in button says after "Sign in with" */
  providerName: string;
  /** OIDC_SCOPES (default `openid email profile`) */
  scopes: string;
  /** OIDC_GROUPS_CLAIM: the claim that lists the person's groups (default `groups`) */
  groupsClaim: string;
  /** OIDC_ROLE_MAP: group -> role; anyone in none of these groups is staff */
  roleMap: ReadonlyMap<string, OidcRole>;
  /** OIDC_EMPLOYEE_ID_CLAIM: a claim holding the person's employee id, to find their staff record */
  employeeIdClaim: string | undefined;
  /**
   * OIDC_EMAILS_VERIFIED: trust an `email` claim that comes without `email_verified` (Microsoft
   * Entra ID sends none; its addresses are those of the tenant's own domains). Default false.
   */
  trustUnflaggedEmail: boolean;
  /** `${PUBLIC_URL}/api/v1/auth/oidc/callback`, to register at the provider */
  redirectUri: string;
  /** `${PUBLIC_URL}/login`, where the provider sends people back after signing out */
  postLogoutRedirectUri: string;
}

/** `HIM-Directors:admin,HIM-Managers:manager` (a group's name may itself hold colons). */
export function parseRoleMap(value: string | undefined): Map<string, OidcRole> {
  const map = new Map<string, OidcRole>();
  if (value === undefined) return map;
  for (const entry of value.split(',')) {
    const item = entry.trim();
    if (item === '') continue;
    const at = item.lastIndexOf(':');
    const group = at > 0 ? item.slice(0, at).trim() : '';
    const role =
      at > 0
        ? item
            .slice(at + 1)
            .trim()
            .toLowerCase()
        : '';
    if (group === '' || !(OIDC_ROLES as readonly string[]).includes(role)) {
      throw new EnvError(
        `OIDC_ROLE_MAP must be a comma-separated list of group:role with role admin, manager or staff, such as HIM-Directors:admin,HIM-Managers:manager (got "${item}")`,
      );
    }
    map.set(group, role as OidcRole);
  }
  return map;
}

function oidcSettings(
  raw: Record<string, string | undefined>,
  publicUrl: string,
): OidcSettings | null {
  const issuer = optional(raw, 'OIDC_ISSUER');
  const clientId = optional(raw, 'OIDC_CLIENT_ID');
  if (issuer === undefined && clientId === undefined) return null;
  if (issuer === undefined || clientId === undefined) {
    throw new EnvError('OIDC_ISSUER and OIDC_CLIENT_ID must be set together');
  }
  let url: URL | undefined;
  try {
    url = new URL(issuer);
  } catch {
    url = undefined;
  }
  const loopback =
    url !== undefined && /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(url.hostname);
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback))) {
    throw new EnvError(
      'OIDC_ISSUER must be the https:// address of the identity provider, such as https://login.microsoftonline.com/<tenant-id>/v2.0',
    );
  }
  const groupsClaim = optional(raw, 'OIDC_GROUPS_CLAIM') ?? 'groups';
  const providerName = (optional(raw, 'OIDC_PROVIDER_NAME') ?? 'single sign-on').trim();
  if (providerName.length > 60)
    throw new EnvError('OIDC_PROVIDER_NAME must be at most 60 characters');
  const scopes = optional(raw, 'OIDC_SCOPES') ?? 'openid email profile';
  if (!scopes.split(/\s+/).includes('openid')) {
    throw new EnvError('OIDC_SCOPES must include openid (default "openid email profile")');
  }
  return {
    // kept exactly as given: the provider's discovery document must name the same issuer
    issuer,
    clientId,
    clientSecret: optional(raw, 'OIDC_CLIENT_SECRET'),
    providerName,
    scopes,
    groupsClaim,
    roleMap: parseRoleMap(optional(raw, 'OIDC_ROLE_MAP')),
    employeeIdClaim: optional(raw, 'OIDC_EMPLOYEE_ID_CLAIM'),
    trustUnflaggedEmail: bool(raw, 'OIDC_EMAILS_VERIFIED', false),
    redirectUri: `${publicUrl}/api/v1/auth/oidc/callback`,
    postLogoutRedirectUri: `${publicUrl}/login`,
  };
}

/** The validated configuration's injection token (AppModule provides it). */
export const ENV = Symbol('ENV');

export class EnvError extends Error {}

function int(
  raw: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = raw[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new EnvError(`${name} must be an integer between ${min} and ${max} (got "${value}")`);
  }
  return Number(value);
}

function bool(raw: Record<string, string | undefined>, name: string, fallback: boolean): boolean {
  const value = raw[name];
  if (value === undefined || value === '') return fallback;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new EnvError(`${name} must be true or false (got "${value}")`);
}

function optional(raw: Record<string, string | undefined>, name: string): string | undefined {
  const value = raw[name];
  return value === undefined || value === '' ? undefined : value;
}

/** TRUST_PROXY as Express takes it; anything but true/false/a hop count must be addresses or subnets. */
function trustProxy(raw: Record<string, string | undefined>): boolean | number | string {
  const value = optional(raw, 'TRUST_PROXY');
  if (value === undefined || /^(false|0|no)$/i.test(value)) return false;
  if (/^(true|yes)$/i.test(value)) return true;
  if (/^\d+$/.test(value)) return Number(value);
  const parts = value.split(',').map((part) => part.trim());
  if (
    parts.every((part) =>
      /^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/.test(part),
    )
  )
    return parts.join(',');
  throw new EnvError(
    `TRUST_PROXY must be true, false, a number of proxies or a comma-separated list of proxy addresses (got "${value}")`,
  );
}

export function validateEnv(raw: Record<string, string | undefined>): Env {
  const databaseUrl = optional(raw, 'DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new EnvError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const adminEmail = optional(raw, 'ADMIN_EMAIL');
  const adminPassword = optional(raw, 'ADMIN_PASSWORD');
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    throw new EnvError('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (adminEmail !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(adminEmail)) {
    throw new EnvError('ADMIN_EMAIL must be an email address');
  }
  const adminPasswordProblem =
    adminPassword === undefined ? null : passwordProblem(adminPassword, [adminEmail ?? '']);
  if (adminPasswordProblem) throw new EnvError(`ADMIN_PASSWORD ${adminPasswordProblem}`);
  const jwtSecret = optional(raw, 'JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new EnvError('JWT_SECRET must be at least 32 characters');
  }
  const smtpUrl = optional(raw, 'SMTP_URL');
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^\s/]+/.test(smtpUrl)) {
    throw new EnvError('SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465');
  }
  const mailFrom = optional(raw, 'MAIL_FROM');
  if (mailFrom !== undefined && !/^(?:[^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/.test(mailFrom)) {
    throw new EnvError(
      'MAIL_FROM must be an e-mail address, optionally with a name: Name <him@hospital.example>',
    );
  }
  if (smtpUrl !== undefined && mailFrom === undefined) {
    throw new EnvError('MAIL_FROM must be set when SMTP_URL is');
  }
  const readUrl = optional(raw, 'DATABASE_READ_URL');
  if (readUrl !== undefined && !/^postgres(ql)?:\/\//.test(readUrl)) {
    throw new EnvError('DATABASE_READ_URL must start with postgres:// or postgresql://');
  }
  const port = int(raw, 'PORT', 3000, 1, 65535);
  const publicUrl = optional(raw, 'PUBLIC_URL') ?? `http://localhost:${port}`;
  let parsedPublicUrl: URL | undefined;
  try {
    parsedPublicUrl = new URL(publicUrl);
  } catch {
    parsedPublicUrl = undefined;
  }
  const publicBase = publicUrl.replace(/\/+$/, '');
  if (!parsedPublicUrl || !/^https?:$/.test(parsedPublicUrl.protocol)) {
    throw new EnvError(
      'PUBLIC_URL must be an http:// or https:// address such as https://him.hospital.example',
    );
  }
  return {
    PORT: port,
    HOST: optional(raw, 'HOST') ?? '0.0.0.0',
    DATABASE_URL: databaseUrl,
    DATA_DIR: optional(raw, 'DATA_DIR') ?? '.data',
    EMBEDDED_PG_PORT: int(raw, 'EMBEDDED_PG_PORT', 5433, 1, 65535),
    SEED_DEMO: bool(raw, 'SEED_DEMO', databaseUrl === undefined),
    ADMIN_EMAIL: adminEmail,
    ADMIN_PASSWORD: adminPassword,
    JWT_SECRET: jwtSecret,
    JWT_TTL_SECONDS: int(raw, 'JWT_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: int(raw, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 10, 1, 1000),
    LOGIN_MAX_FAILURES_PER_ADDRESS: int(raw, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 30, 1, 100000),
    TRUST_PROXY: trustProxy(raw),
    // Like the demo: on for the embedded database (trying it out, developing), off for a real one.
    API_DOCS: bool(raw, 'API_DOCS', databaseUrl === undefined && raw['NODE_ENV'] !== 'production'),
    DASHBOARD_DIR: raw['DASHBOARD_DIR'],
    LOG_SQL: bool(raw, 'LOG_SQL', false),
    EVIDENCE_MAX_BYTES: int(raw, 'EVIDENCE_MAX_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    SMTP_URL: smtpUrl,
    MAIL_FROM: mailFrom ?? 'HIM Readiness <no-reply@localhost>',
    PUBLIC_URL: publicBase,
    REMINDERS_SCHEDULER: bool(raw, 'REMINDERS_SCHEDULER', true),
    REMINDERS_INTERVAL_MINUTES: int(raw, 'REMINDERS_INTERVAL_MINUTES', 10, 1, 60),
    SNAPSHOTS_SCHEDULER: bool(raw, 'SNAPSHOTS_SCHEDULER', true),
    DELIVERY_RETRY_LIMIT: int(raw, 'DELIVERY_RETRY_LIMIT', 10, 0, 100),
    DELIVERY_RETRY_DELAY_SECONDS: int(raw, 'DELIVERY_RETRY_DELAY_SECONDS', 30, 1, 3600),
    DELIVERY_TIMEOUT_SECONDS: int(raw, 'DELIVERY_TIMEOUT_SECONDS', 300, 5, 3600),
    JOBS_MAINTENANCE_SECONDS: int(raw, 'JOBS_MAINTENANCE_SECONDS', 60, 1, 3600),
    WEBHOOK_ALLOW_HTTP_LOOPBACK: bool(raw, 'WEBHOOK_ALLOW_HTTP_LOOPBACK', false),
    DATABASE_READ_URL: readUrl,
    RULES_WORKERS: int(raw, 'RULES_WORKERS', Math.min(2, availableParallelism()), 0, 64),
    RULES_QUEUE: int(raw, 'RULES_QUEUE', 64, 0, 10000),
    RULES_WORKER_CONNECTIONS: int(raw, 'RULES_WORKER_CONNECTIONS', 3, 1, 20),
    RULES_WORKER_NICE: int(raw, 'RULES_WORKER_NICE', 0, 0, 19),
    ANALYSIS_CACHE_ENTRIES: int(raw, 'ANALYSIS_CACHE_ENTRIES', 200, 0, 100000),
    OIDC: oidcSettings(raw, publicBase),
  };
}
