import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectThrottlerStorage } from '@nestjs/throttler';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthConfiguration, AuthUser, LoginResponse, LogoutResponse } from '@him/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ENV, type Env } from '../config/env';
import { UserEntity } from '../users/user.entity';
import { OidcClient } from './oidc/oidc-client';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { keepsUserManagement } from './permissions';
import { PostgresThrottlerStorage } from './rate-limit.storage';
import type { RequestUser } from './request-user';
import { SessionStore, type ClientInfo } from './sessions';
import { SignInLog } from './sign-in-log';
import { TokenService } from './token.service';

const WRONG_CREDENTIALS = 'Email or password is incorrect';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ENV) private readonly env: Env,
    @InjectThrottlerStorage() private readonly limits: PostgresThrottlerStorage,
    private readonly tokens: TokenService,
    private readonly sessions: SessionStore,
    private readonly signIns: SignInLog,
    private readonly audit: AuditService,
    private readonly provider: OidcClient,
  ) {}

  /**
   * Checks the password, opens a session and signs a token for it. A failure answers one generic
   * 401 whatever the reason (unknown email, wrong password, inactive account) and is written to
   * the sign-in log; `attemptKeys` are the throttle's counters this attempt was counted against,
   * taken back when it succeeds (only failures are throttled).
   */
  async login(
    email: string,
    password: string,
    client: ClientInfo,
    attemptKeys: readonly string[] = [],
  ): Promise<LoginResponse> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email: email.trim() })
      .getOne();
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    const passwordOff = user && ok && user.active && !(await this.mayUsePassword(user));
    if (!user || !ok || !user.active || passwordOff) {
      await this.signIns.failed({
        email: email.trim().toLowerCase(),
        userId: user?.id ?? null,
        departmentId: user?.departmentId ?? null,
        reason:
          !user || !ok
            ? 'wrong-credentials'
            : passwordOff
              ? 'password-sign-in-off'
              : 'inactive-account',
        client,
      });
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }

    const authUser: AuthUser = {
      id: user.id,
      email: user.email,
      role: user.role,
      staffId: user.staffId,
      departmentId: user.departmentId,
    };
    const session = await this.dataSource.transaction(async (em) => {
      await em.update(UserEntity, { id: user.id }, { lastLoginAt: new Date() });
      const started = await this.sessions.start(em, user.id, this.env.JWT_TTL_SECONDS, client);
      await this.audit.record(em, authUser, user.departmentId, {
        action: 'login',
        entity: 'user',
        entityId: user.id,
      });
      return started;
    });
    await this.limits.forgive(attemptKeys);
    return {
      accessToken: this.tokens.sign(user.id, session.id, session.expiresAt),
      user: authUser,
    };
  }

  /** What the sign-in page offers. */
  async configuration(passwordReset: boolean): Promise<AuthConfiguration> {
    const sso = this.env.OIDC;
    if (!sso) return { passwordSignIn: true, passwordReset, singleSignOn: null };
    const [row]: { open: boolean }[] = await this.dataSource.query(
      `SELECT NOT EXISTS (SELECT 1 FROM department) OR EXISTS (SELECT 1 FROM department WHERE password_sign_in) AS open`,
    );
    return {
      passwordSignIn: row.open,
      passwordReset,
      singleSignOn: { providerName: sso.providerName, startUrl: '/api/v1/auth/oidc/start' },
    };
  }

  /**
   * Whether this account may sign in with its password: always, unless its department switched
   * password sign-in off (single sign-on being configured); then only its break-glass admin may.
   */
  private async mayUsePassword(user: UserEntity): Promise<boolean> {
    if (!this.env.OIDC) return true;
    const [department]: { password_sign_in: boolean; break_glass_user_id: string | null }[] =
      await this.dataSource.query(
        `SELECT password_sign_in, break_glass_user_id FROM department WHERE id = $1`,
        [user.departmentId],
      );
    if (!department || department.password_sign_in) return true;
    return department.break_glass_user_id === user.id && keepsUserManagement(user.role);
  }

  /**
   * Ends the caller's session: the token it was called with stops working at once. A session begun
   * through the identity provider answers the provider's end-session address, to end it there too.
   */
  async logout(user: RequestUser, sessionId: string): Promise<LogoutResponse> {
    const idToken = await this.dataSource.transaction(async (em) => {
      const [session]: { method: string; id_token: string | null }[] = await em.query(
        `SELECT method, id_token FROM auth_session WHERE id = $1`,
        [sessionId],
      );
      if (!(await this.sessions.revoke(em, sessionId, 'logout'))) return undefined;
      await this.audit.record(em, user, user.departmentId, {
        action: 'logout',
        entity: 'user',
        entityId: user.id,
      });
      return session?.method === 'oidc' ? session.id_token : undefined;
    });
    return {
      endSessionUrl: idToken === undefined ? null : await this.provider.endSessionUrl(idToken),
    };
  }
}
