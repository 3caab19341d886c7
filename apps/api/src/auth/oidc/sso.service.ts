import { BadRequestException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser, SingleSignOnResponse, UserRole } from '@him/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { ENV, type Env, type OidcSettings } from '../../config/env';
import { hashPassword } from '../passwords';
import { SessionStore, type ClientInfo } from '../sessions';
import type { SignInFailureReason } from '../sign-in-log';
import { TokenService } from '../token.service';
import { OidcClient, ProviderResponseError, type ProviderIdentity } from './oidc-client';
import { employeeIdOf, groupsOf, roleFromGroups, verifiedEmail } from './provider-claims';

/** A sign-in must come back from the provider within this time. */
const SIGN_IN_TTL_SECONDS = 10 * 60;
/** The dashboard trades its ticket for a token within this time. */
const HANDOFF_TTL_SECONDS = 60;
/** The cookie that binds a sign-in to the browser that started it (login CSRF). */
export const SIGN_IN_COOKIE = 'him_oidc';
export const SIGN_IN_COOKIE_PATH = '/api/v1/auth/oidc';

/** Why a sign-in through the provider was refused, as the dashboard's sign-in page says it. */
export type SsoRefusal =
  | 'failed'
  | 'expired'
  | 'no-account'
  | 'inactive'
  | 'no-staff-record'
  | 'unavailable';

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

interface AccountRow {
  id: string;
  email: string;
  role: UserRole;
  staff_id: string | null;
  department_id: string;
  active: boolean;
  oidc_subject: string | null;
}

class Refused extends Error {
  constructor(
    readonly refusal: SsoRefusal,
    readonly reason: SignInFailureReason,
    readonly account: AccountRow | null,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** A return address inside the app (`/overview?asOf=...`), never another site's. */
export function safeReturnTo(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null;
  return /^\/(?![/\\])[^\s]*$/.test(value) && !value.startsWith('/login') ? value : null;
}

/**
 * Single sign-on: the authorization code flow of OidcClient, and what a checked identity means
 * here. The account is found by its link to the provider (issuer and subject), else by the
 * provider's verified e-mail (case-insensitive, then linked), else created when a department
 * allows it; a deactivated account is refused. Its role is the provider's groups' role at every
 * sign-in (a change is audited). A staff record with the same e-mail or employee id is linked
 * to an account without one. Every sign-in, refusal, link and role change is in the audit trail
 * (refusals of unknown people in the sign-in log only: they belong to no department).
 */
@Injectable()
export class SsoService {
  private readonly logger = new Logger('SingleSignOn');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ENV) private readonly env: Env,
    private readonly provider: OidcClient,
    private readonly sessions: SessionStore,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
  ) {}

  private settings(): OidcSettings {
    if (!this.env.OIDC) throw new NotFoundException('Single sign-on is not configured');
    return this.env.OIDC;
  }

  /** Where to send the browser, and the binding cookie's value to set beside it. */
  async start(returnTo: unknown): Promise<{ redirect: string; binding: string | null }> {
    this.settings();
    let request: Awaited<ReturnType<OidcClient['authorizationRequest']>>;
    try {
      request = await this.provider.authorizationRequest();
    } catch (error) {
      if (!(error instanceof ProviderResponseError)) throw error;
      // The provider's discovery document cannot be read: back to the sign-in page, which says so.
      return { redirect: `${this.env.PUBLIC_URL}/login?ssoError=unavailable`, binding: null };
    }
    const { url, checks } = request;
    const binding = randomBytes(32).toString('base64url');
    await this.dataSource.query(`DELETE FROM oidc_sign_in WHERE expires_at < now()`);
    await this.dataSource.query(
      `INSERT INTO oidc_sign_in (browser_hash, state, nonce, code_verifier, return_to, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))`,
      [
        sha256(binding),
        checks.state,
        checks.nonce,
        checks.codeVerifier,
        safeReturnTo(returnTo),
        SIGN_IN_TTL_SECONDS,
      ],
    );
    return { redirect: url.toString(), binding };
  }

  /**
   * The provider's redirect back: checks it, opens a session and answers the dashboard address to
   * go to, with a one-time ticket on success or the reason of a refusal.
   */
  async finish(query: string, binding: string | undefined, client: ClientInfo): Promise<string> {
    const settings = this.settings();
    const base = `${this.env.PUBLIC_URL}/login`;
    // The attempt is used up whatever happens next: a second callback with it finds nothing.
    const [attempt]: {
      state: string;
      nonce: string;
      code_verifier: string;
      return_to: string | null;
    }[] = binding
      ? await this.dataSource.query(
          // a CTE: TypeORM answers a bare DELETE ... RETURNING as [rows, count]
          `WITH used AS (
             DELETE FROM oidc_sign_in WHERE id = (
               SELECT id FROM oidc_sign_in WHERE browser_hash = $1 AND expires_at > now()
                ORDER BY created_at DESC LIMIT 1)
             RETURNING state, nonce, code_verifier, return_to)
           SELECT * FROM used`,
          [sha256(binding)],
        )
      : [];
    try {
      if (!attempt) {
        throw new Refused(
          'expired',
          'sso-invalid-response',
          null,
          'no sign-in under way in this browser',
        );
      }
      let identity: ProviderIdentity;
      try {
        identity = await this.provider.identify(query, {
          state: attempt.state,
          nonce: attempt.nonce,
          codeVerifier: attempt.code_verifier,
        });
      } catch (error) {
        const detail = error instanceof ProviderResponseError ? error.message : String(error);
        throw new Refused('failed', 'sso-invalid-response', null, detail);
      }
      const ticket = await this.signIn(identity, settings, client, attempt.return_to);
      return `${base}?ssoTicket=${encodeURIComponent(ticket)}`;
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      this.logger.warn(`single sign-on refused (${error.refusal}): ${error.detail}`);
      await this.refused(error, client);
      return `${base}?ssoError=${error.refusal}`;
    }
  }

  /** The token for a ticket of `finish`, once. */
  async complete(ticket: string): Promise<SingleSignOnResponse> {
    const rows: (AccountRow & {
      session_id: string;
      expires_at: Date;
      return_to: string | null;
    })[] = await this.dataSource.query(
      `WITH used AS (
           DELETE FROM auth_handoff WHERE ticket_hash = $1 AND expires_at > now()
           RETURNING session_id, return_to)
         SELECT u.id, u.email, u.role, u.staff_id, u.department_id, used.session_id,
                s.expires_at, used.return_to
           FROM used JOIN auth_session s ON s.id = used.session_id AND s.revoked_at IS NULL
           JOIN app_user u ON u.id = s.user_id AND u.active`,
      [sha256(ticket)],
    );
    const row = rows[0];
    if (!row) {
      throw new BadRequestException([
        'ticket is not valid or has expired; sign in with the provider again',
      ]);
    }
    return {
      accessToken: this.tokens.sign(row.id, row.session_id, row.expires_at),
      user: authUser(row),
      returnTo: row.return_to,
    };
  }

  private async signIn(
    identity: ProviderIdentity,
    settings: OidcSettings,
    client: ClientInfo,
    returnTo: string | null,
  ): Promise<string> {
    const email = verifiedEmail(identity.claims, settings.trustUnflaggedEmail);
    const employeeId = employeeIdOf(identity.claims, settings);
    const role = roleFromGroups(groupsOf(identity.claims, settings.groupsClaim), settings.roleMap);
    const sid =
      typeof identity.claims['sid'] === 'string' ? identity.claims['sid'].slice(0, 500) : null;
    const ticket = randomBytes(32).toString('base64url');
    // An unusable password for an account created here (hashing takes a while: not in the transaction).
    const unusablePassword = await hashPassword(randomBytes(32).toString('base64url'));
    await this.dataSource.transaction(async (em) => {
      let account = await this.findAccount(em, settings.issuer, identity.subject, email);
      if (account && account.oidc_subject !== null && account.oidc_subject !== identity.subject) {
        throw new Refused(
          'no-account',
          'sso-no-account',
          null,
          `${email} is linked to another account of the provider`,
        );
      }
      if (!account) {
        account = await this.createAccount(em, email, employeeId, role, unusablePassword);
      }
      if (!account.active) {
        throw new Refused('inactive', 'inactive-account', account, 'the account is deactivated');
      }
      const actor = authUser(account);
      if (account.oidc_subject === null) {
        await em.query(`UPDATE app_user SET oidc_issuer = $2, oidc_subject = $3 WHERE id = $1`, [
          account.id,
          settings.issuer,
          identity.subject,
        ]);
        await this.audit.record(em, actor, account.department_id, {
          action: 'link',
          entity: 'user',
          entityId: account.id,
          after: { identityProvider: settings.issuer, email: account.email },
          note: 'linked to the identity provider account with the same verified e-mail',
        });
      }
      let staffId = account.staff_id;
      if (staffId === null) {
        staffId = await this.linkStaff(em, account, email, employeeId);
      }
      if (role !== account.role) {
        if (role === 'staff' && staffId === null) {
          throw new Refused(
            'no-staff-record',
            'sso-no-account',
            account,
            'the provider gives the staff role but no staff record has this e-mail or employee id',
          );
        }
        await em.query(`UPDATE app_user SET role = $2, version = version + 1 WHERE id = $1`, [
          account.id,
          role,
        ]);
        await this.audit.record(em, actor, account.department_id, {
          action: 'role-change',
          entity: 'user',
          entityId: account.id,
          before: { role: account.role },
          after: { role },
          note: `from the groups in the identity provider's ${settings.groupsClaim} claim`,
        });
        account = { ...account, role };
      }
      await em.query(`UPDATE app_user SET last_login_at = now() WHERE id = $1`, [account.id]);
      const session = await this.sessions.start(
        em,
        account.id,
        this.env.JWT_TTL_SECONDS,
        client,
        'oidc',
        sid,
      );
      await em.query(`UPDATE auth_session SET id_token = $2 WHERE id = $1`, [
        session.id,
        identity.idToken.length <= 20000 ? identity.idToken : null,
      ]);
      await em.query(
        `INSERT INTO auth_handoff (ticket_hash, session_id, return_to, expires_at)
         VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
        [sha256(ticket), session.id, returnTo, HANDOFF_TTL_SECONDS],
      );
      await this.audit.record(
        em,
        { ...actor, role: account.role, staffId },
        account.department_id,
        {
          action: 'login',
          entity: 'user',
          entityId: account.id,
          after: { method: 'single sign-on', role: account.role },
        },
      );
    });
    await this.dataSource.query(`DELETE FROM auth_handoff WHERE expires_at < now()`);
    return ticket;
  }

  private async findAccount(
    em: EntityManager,
    issuer: string,
    subject: string,
    email: string | null,
  ): Promise<AccountRow | null> {
    const columns = `id, email, role, staff_id, department_id, active, oidc_subject`;
    const [linked]: AccountRow[] = await em.query(
      `SELECT ${columns} FROM app_user WHERE oidc_issuer = $1 AND oidc_subject = $2 FOR UPDATE`,
      [issuer, subject],
    );
    if (linked) return linked;
    if (email === null) return null;
    const [byEmail]: AccountRow[] = await em.query(
      `SELECT ${columns} FROM app_user WHERE lower(email) = $1 FOR UPDATE`,
      [email],
    );
    return byEmail ?? null;
  }

  /**
   * A new account for a first sign-in, when a department allows it: the department of the staff
   * record with this e-mail or employee id, or else the one department that allows creation.
   */
  private async createAccount(
    em: EntityManager,
    email: string | null,
    employeeId: string | null,
    role: UserRole,
    passwordHash: string,
  ): Promise<AccountRow> {
    if (email === null) {
      throw new Refused(
        'no-account',
        'sso-no-account',
        null,
        'the provider sent no verified e-mail',
      );
    }
    const staff: { id: string; department_id: string }[] = await em.query(
      `SELECT s.id, s.department_id FROM staff s JOIN department d ON d.id = s.department_id
        WHERE d.sso_create_accounts
          AND (lower(s.email) = $1 OR ($2::text IS NOT NULL AND s.employee_id = $2))
          AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.staff_id = s.id)`,
      [email, employeeId],
    );
    let departmentId: string | null = null;
    let staffId: string | null = null;
    if (staff.length === 1) {
      departmentId = staff[0].department_id;
      staffId = staff[0].id;
    } else if (staff.length === 0) {
      const open: { id: string }[] = await em.query(
        `SELECT id FROM department WHERE sso_create_accounts`,
      );
      if (open.length === 1) departmentId = open[0].id;
    }
    if (departmentId === null) {
      throw new Refused('no-account', 'sso-no-account', null, `no account has the e-mail ${email}`);
    }
    if (role === 'staff' && staffId === null) {
      throw new Refused(
        'no-staff-record',
        'sso-no-account',
        null,
        `no staff record has the e-mail ${email} or the provider's employee id`,
      );
    }
    const [created]: AccountRow[] = await em.query(
      `INSERT INTO app_user (department_id, email, password_hash, role, staff_id, active, version)
       VALUES ($1, $2, $3, $4, $5, true, 1)
       RETURNING id, email, role, staff_id, department_id, active, oidc_subject`,
      [departmentId, email, passwordHash, role, staffId],
    );
    await this.audit.record(em, authUser(created), departmentId, {
      action: 'create',
      entity: 'user',
      entityId: created.id,
      after: { id: created.id, email, role, staffId, active: true },
      note: 'created at a first sign-in through the identity provider',
    });
    return created;
  }

  /** Links the staff record with the account's e-mail or the provider's employee id, when there is exactly one free. */
  private async linkStaff(
    em: EntityManager,
    account: AccountRow,
    email: string | null,
    employeeId: string | null,
  ): Promise<string | null> {
    const rows: { id: string }[] = await em.query(
      `SELECT s.id FROM staff s
        WHERE s.department_id = $1
          AND (lower(s.email) = lower($2) OR lower(s.email) = $3 OR ($4::text IS NOT NULL AND s.employee_id = $4))
          AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.staff_id = s.id)`,
      [account.department_id, account.email, email, employeeId],
    );
    if (rows.length !== 1) return null;
    await em.query(`UPDATE app_user SET staff_id = $2, version = version + 1 WHERE id = $1`, [
      account.id,
      rows[0].id,
    ]);
    await this.audit.record(em, authUser(account), account.department_id, {
      action: 'link',
      entity: 'user',
      entityId: account.id,
      before: { staffId: null },
      after: { staffId: rows[0].id },
      note: 'linked at sign-in to the staff record with the same e-mail or employee id',
    });
    return rows[0].id;
  }

  private async refused(refusal: Refused, client: ClientInfo): Promise<void> {
    const account = refusal.account;
    await this.dataSource.transaction(async (em) => {
      await em.query(
        `INSERT INTO sign_in_failure (email, user_id, department_id, reason, client_address, user_agent)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          account?.email ?? '',
          account?.id ?? null,
          account?.department_id ?? null,
          refusal.reason,
          client.address,
          client.userAgent,
        ],
      );
      if (account) {
        await this.audit.record(em, authUser(account), account.department_id, {
          action: 'login-failed',
          entity: 'user',
          entityId: account.id,
          after: { method: 'single sign-on', reason: refusal.refusal },
          note: refusal.detail,
        });
      }
    });
  }
}

function authUser(row: AccountRow | Omit<AccountRow, 'active' | 'oidc_subject'>): AuthUser {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    staffId: row.staff_id,
    departmentId: row.department_id,
  };
}
