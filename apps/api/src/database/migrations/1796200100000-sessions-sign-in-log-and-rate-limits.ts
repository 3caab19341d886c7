import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signing in, made revocable and watched.
 *
 * - `auth_session`: every access token names its session (`sid`); the guard accepts a token
 *   only while its session is neither revoked nor expired. A logout, a password change or a
 *   deactivation revokes sessions, so earlier tokens stop working at once (a reactivated account
 *   does not bring them back). `method` and `external_session_id` leave room for sign-in through
 *   an identity provider, whose sign-out names its own session id.
 * - `sign_in_failure`: failed and throttled sign-ins (never the password), for the security log.
 * - `rate_limit`: the login throttle's counters, shared by every API process over this database.
 *
 * The JWT signing secret leaves the database: it comes from JWT_SECRET or a file in DATA_DIR
 * (TokenService). The row is deleted; tokens signed with it name no session and were refused
 * anyway, so everyone signs in once after the upgrade.
 */
export class SessionsSignInLogAndRateLimits1796200100000 implements MigrationInterface {
  name = 'SessionsSignInLogAndRateLimits1796200100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE auth_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        method text NOT NULL CHECK (method IN ('password', 'oidc')),
        external_session_id text CHECK (length(external_session_id) <= 500),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text CHECK (revoked_reason IN ('logout', 'password-changed', 'deactivated', 'provider-logout')),
        client_address text CHECK (length(client_address) <= 100),
        user_agent text CHECK (length(user_agent) <= 500),
        CONSTRAINT auth_session_revoked_complete CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL)),
        CONSTRAINT auth_session_expires_after_start CHECK (expires_at > created_at)
      );
      CREATE INDEX auth_session_live_idx ON auth_session (user_id) WHERE revoked_at IS NULL;
      CREATE INDEX auth_session_expires_idx ON auth_session (expires_at);
      CREATE INDEX auth_session_external_idx ON auth_session (method, external_session_id)
        WHERE external_session_id IS NOT NULL;

      CREATE TABLE sign_in_failure (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        email text NOT NULL CHECK (length(email) <= 320),
        user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        department_id uuid REFERENCES department(id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (reason IN ('wrong-credentials', 'inactive-account', 'throttled')),
        client_address text CHECK (length(client_address) <= 100),
        user_agent text CHECK (length(user_agent) <= 500)
      );
      CREATE INDEX sign_in_failure_at_idx ON sign_in_failure (at);
      CREATE INDEX sign_in_failure_user_idx ON sign_in_failure (user_id, at) WHERE user_id IS NOT NULL;

      CREATE TABLE rate_limit (
        key text PRIMARY KEY CHECK (length(key) <= 200),
        hits int NOT NULL CHECK (hits >= 0),
        window_ends_at timestamptz NOT NULL,
        blocked_until timestamptz
      );

      DELETE FROM system_setting WHERE key = 'jwt_secret';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // The signing secret is not brought back: the earlier code generates a new one at start.
    await q.query(`
      DROP TABLE rate_limit;
      DROP TABLE sign_in_failure;
      DROP TABLE auth_session;
    `);
  }
}
