import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** How a session was opened: a password here, or (later) an identity provider's sign-in. */
export type SessionMethod = 'password' | 'oidc';

/** Why a session ended before it expired. */
export type SessionRevocation = 'logout' | 'password-changed' | 'deactivated' | 'provider-logout';

/** Where a request came from, as kept beside a session or a failed sign-in. */
export interface ClientInfo {
  address: string | null;
  userAgent: string | null;
}

export interface NewSession {
  id: string;
  expiresAt: Date;
}

/**
 * Sessions behind access tokens (`auth_session`). A token names its session; the guard accepts it
 * only while the session lives, so revoking a session signs its tokens out at once, on every API
 * process. What revokes which sessions is said here once: a logout ends the caller's session; a
 * password change or a deactivation ends every session of the account (a password change keeps
 * the session of the person making it, when they change their own).
 */
@Injectable()
export class SessionStore {
  async start(
    em: EntityManager,
    userId: string,
    ttlSeconds: number,
    client: ClientInfo,
    method: SessionMethod = 'password',
    externalSessionId: string | null = null,
  ): Promise<NewSession> {
    const [row]: { id: string; expires_at: Date }[] = await em.query(
      `INSERT INTO auth_session (user_id, method, external_session_id, expires_at, client_address, user_agent)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4), $5, $6)
       RETURNING id, expires_at`,
      [userId, method, externalSessionId, ttlSeconds, client.address, client.userAgent],
    );
    return { id: row.id, expiresAt: row.expires_at };
  }

  /** Ends one session; false when it had ended already. */
  async revoke(em: EntityManager, sessionId: string, reason: SessionRevocation): Promise<boolean> {
    const rows: unknown[] = await em.query(
      // a CTE: TypeORM answers a bare UPDATE ... RETURNING as [rows, count], always two long
      `WITH ended AS (
         UPDATE auth_session SET revoked_at = now(), revoked_reason = $2
          WHERE id = $1 AND revoked_at IS NULL RETURNING id)
       SELECT id FROM ended`,
      [sessionId, reason],
    );
    return rows.length > 0;
  }

  /** Ends every live session of an account (but `keep`, the caller's own); how many ended. */
  async revokeAllOf(
    em: EntityManager,
    userId: string,
    reason: SessionRevocation,
    keep: string | null = null,
  ): Promise<number> {
    const rows: unknown[] = await em.query(
      `WITH ended AS (
         UPDATE auth_session SET revoked_at = now(), revoked_reason = $2
          WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
            AND ($3::uuid IS NULL OR id <> $3::uuid)
          RETURNING id)
       SELECT id FROM ended`,
      [userId, reason, keep],
    );
    return rows.length;
  }
}

/** Text from a header, cut to what the tables keep. */
export function clientInfo(request: { ip?: string; headers: Record<string, unknown> }): ClientInfo {
  const agent = request.headers['user-agent'];
  return {
    address: request.ip ? request.ip.slice(0, 100) : null,
    userAgent: typeof agent === 'string' ? [...agent].slice(0, 500).join('') : null,
  };
}
