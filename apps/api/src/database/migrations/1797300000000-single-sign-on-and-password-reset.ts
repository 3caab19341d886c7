import { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_FAILURE_REASONS = `'wrong-credentials', 'inactive-account', 'throttled'`;
const NEW_FAILURE_REASONS = `${OLD_FAILURE_REASONS}, 'password-sign-in-off', 'sso-no-account', 'sso-invalid-response'`;

/**
 * Single sign-on through an OpenID Connect provider, and a password reset that needs no admin.
 *
 * - `department`: whether a first sign-in through the provider may create an account
 *   (`sso_create_accounts`), whether password sign-in is on (`password_sign_in`) and the one
 *   admin who may still use a password when it is off (`break_glass_user_id`).
 * - `app_user.oidc_issuer`/`oidc_subject`: the provider's account an account is linked to; a
 *   link is made once (by verified e-mail) and then followed, whatever the e-mail becomes.
 * - `auth_session.id_token`: the provider's ID token of a single sign-on session, sent back as
 *   `id_token_hint` when the session ends at the provider.
 * - `oidc_sign_in`: a sign-in under way (state, nonce and PKCE verifier), bound to the browser
 *   that started it, for 10 minutes; `auth_handoff`: the one-time ticket the dashboard trades
 *   for its token after the provider's redirect (60 seconds).
 * - `password_reset_token`: one-time links (only the SHA-256 of the token is kept).
 */
export class SingleSignOnAndPasswordReset1797300000000 implements MigrationInterface {
  name = 'SingleSignOnAndPasswordReset1797300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE department
        ADD COLUMN sso_create_accounts boolean NOT NULL DEFAULT false,
        ADD COLUMN password_sign_in boolean NOT NULL DEFAULT true,
        ADD COLUMN break_glass_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL;

      ALTER TABLE app_user
        ADD COLUMN oidc_issuer text CHECK (length(oidc_issuer) <= 500),
        ADD COLUMN oidc_subject text CHECK (length(oidc_subject) <= 255),
        ADD CONSTRAINT app_user_oidc_complete CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL));
      CREATE UNIQUE INDEX app_user_oidc_uq ON app_user (oidc_issuer, oidc_subject)
        WHERE oidc_subject IS NOT NULL;

      ALTER TABLE auth_session ADD COLUMN id_token text CHECK (length(id_token) <= 20000);

      CREATE TABLE oidc_sign_in (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        browser_hash text NOT NULL CHECK (length(browser_hash) = 64),
        state text NOT NULL CHECK (length(state) <= 200),
        nonce text NOT NULL CHECK (length(nonce) <= 200),
        code_verifier text NOT NULL CHECK (length(code_verifier) <= 200),
        return_to text CHECK (length(return_to) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX oidc_sign_in_expires_idx ON oidc_sign_in (expires_at);

      CREATE TABLE auth_handoff (
        ticket_hash text PRIMARY KEY CHECK (length(ticket_hash) = 64),
        session_id uuid NOT NULL REFERENCES auth_session(id) ON DELETE CASCADE,
        return_to text CHECK (length(return_to) <= 2000),
        expires_at timestamptz NOT NULL
      );

      CREATE TABLE password_reset_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE CHECK (length(token_hash) = 64),
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CONSTRAINT password_reset_token_expires_after_creation CHECK (expires_at > created_at)
      );
      CREATE INDEX password_reset_token_user_idx ON password_reset_token (user_id) WHERE used_at IS NULL;

      ALTER TABLE sign_in_failure DROP CONSTRAINT sign_in_failure_reason_check;
      ALTER TABLE sign_in_failure ADD CONSTRAINT sign_in_failure_reason_check
        CHECK (reason IN (${NEW_FAILURE_REASONS}));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM sign_in_failure WHERE reason NOT IN (${OLD_FAILURE_REASONS});
      ALTER TABLE sign_in_failure DROP CONSTRAINT sign_in_failure_reason_check;
      ALTER TABLE sign_in_failure ADD CONSTRAINT sign_in_failure_reason_check
        CHECK (reason IN (${OLD_FAILURE_REASONS}));
      DROP TABLE password_reset_token;
      DROP TABLE auth_handoff;
      DROP TABLE oidc_sign_in;
      ALTER TABLE auth_session DROP COLUMN id_token;
      DROP INDEX app_user_oidc_uq;
      ALTER TABLE app_user DROP CONSTRAINT app_user_oidc_complete,
        DROP COLUMN oidc_subject, DROP COLUMN oidc_issuer;
      ALTER TABLE department DROP COLUMN break_glass_user_id,
        DROP COLUMN password_sign_in, DROP COLUMN sso_create_accounts;
    `);
  }
}
