import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CalendarTokenScope, IsoDate, UserRole } from '@him/contracts';
import { DataSource } from 'typeorm';
import type { MemberScope } from '../auth/access-policy';
import { memberFilter } from '../readiness/facts.repository';
import type { CredentialDeadline } from './calendar-events';

/** A usable feed token with its owner's current account. */
export interface FeedTokenOwner {
  id: string;
  scope: CalendarTokenScope;
  label: string | null;
  departmentId: string;
  userId: string;
  role: UserRole;
  staffId: string | null;
}

/** What a calendar feed reads beyond the CE facts: the token's owner and the credential expiries. */
@Injectable()
export class CalendarFeedRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The unrevoked token with this secret hash, if its owner's account is active in the token's department. */
  async tokenOwner(tokenHash: Buffer): Promise<FeedTokenOwner | null> {
    const rows: FeedTokenOwner[] = await this.dataSource.query(
      `SELECT t.id, t.scope, t.label, t.department_id AS "departmentId",
              u.id AS "userId", u.role, u.staff_id AS "staffId"
         FROM calendar_token t
         JOIN app_user u ON u.id = t.user_id AND u.active AND u.department_id = t.department_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** Notes that the token was used, at most once a minute however often a client polls. */
  async markUsed(tokenId: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE calendar_token SET last_used_at = $2
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`,
      [tokenId, now],
    );
  }

  /** Unrevoked credentials of the scope's non-terminated members that expire on or after `from`. */
  async credentialDeadlines(scope: MemberScope, from: IsoDate): Promise<CredentialDeadline[]> {
    const params: unknown[] = [scope.departmentId, from];
    const filter = memberFilter(scope, 'c.staff_id', params);
    if (filter === null) return [];
    return this.dataSource.query(
      `SELECT c.id AS "credentialId", c.staff_id AS "staffId", s.name AS "staffName",
              t.code AS "typeCode", t.name AS "typeName", t.issuing_body AS "issuingBody",
              c.number, c.expires_on AS "expiresOn", (c.verification_method IS NOT NULL) AS verified
         FROM credential c
         JOIN staff s ON s.id = c.staff_id
         JOIN credential_type t ON t.id = c.credential_type_id
        WHERE c.department_id = $1 AND s.status <> 'terminated'
          AND c.revoked_on IS NULL AND c.expires_on IS NOT NULL AND c.expires_on >= $2::date${filter}
        ORDER BY c.expires_on, s.name, t.code, c.id`,
      params,
    );
  }
}
