import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectThrottlerStorage } from '@nestjs/throttler';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser, LoginResponse } from '@him/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ENV, type Env } from '../config/env';
import { UserEntity } from '../users/user.entity';
import { dummyPasswordHash, verifyPassword } from './passwords';
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
    if (!user || !ok || !user.active) {
      await this.signIns.failed({
        email: email.trim().toLowerCase(),
        userId: user?.id ?? null,
        departmentId: user?.departmentId ?? null,
        reason: user && ok ? 'inactive-account' : 'wrong-credentials',
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

  /** Ends the caller's session: the token it was called with stops working at once. */
  async logout(user: RequestUser, sessionId: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      if (!(await this.sessions.revoke(em, sessionId, 'logout'))) return;
      await this.audit.record(em, user, user.departmentId, {
        action: 'logout',
        entity: 'user',
        entityId: user.id,
      });
    });
  }
}
