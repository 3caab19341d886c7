import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders and notifications (issue 8).
 *
 * - `reminder_settings` (one row per department, defaults until an admin saves) and
 *   `reminder_type_lead_days` (a credential type's own expiry lead times). The expiry lead
 *   times themselves stay in `department.reminder_lead_days`, which the calendar feed reads too.
 * - Exactly once: every reminder has a key (kind, subject, recipient, occasion). `notice.key`
 *   and `reminder_event.key` are unique, so a second process or a second run cannot send it
 *   again; the notice, its deliveries and their jobs are written in the transaction that claims
 *   the key. `notice_delivery.key` is unique too (one e-mail per notice, one delivery per
 *   webhook endpoint and event).
 * - `reminder_day`: the days a run covered, so the next run knows what it has to catch up.
 * - The job engine (pg-boss) keeps its queue in the schema `pgboss`, which it installs and
 *   upgrades itself under its own advisory lock when the server starts; down() drops it too.
 */
export class RemindersAndNotices1796300000000 implements MigrationInterface {
  name = 'RemindersAndNotices1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION reminder_lead_days_valid(days int[], low int, high int) RETURNS boolean
        LANGUAGE sql IMMUTABLE AS $$
          SELECT cardinality(days) BETWEEN 1 AND 8
             AND NOT EXISTS (SELECT 1 FROM unnest(days) d WHERE d IS NULL OR d < low OR d > high)
             AND cardinality(days) = (SELECT count(DISTINCT d) FROM unnest(days) d)
        $$;

      CREATE TABLE reminder_settings (
        department_id uuid PRIMARY KEY REFERENCES department(id) ON DELETE CASCADE,
        expiring_enabled boolean NOT NULL DEFAULT true,
        lapsed_enabled boolean NOT NULL DEFAULT true,
        state_ending_enabled boolean NOT NULL DEFAULT true,
        state_ending_lead_days int[] NOT NULL DEFAULT '{30,7}'
          CHECK (reminder_lead_days_valid(state_ending_lead_days, 1, 365)),
        ce_behind_enabled boolean NOT NULL DEFAULT true,
        ce_behind_lead_days int[] NOT NULL DEFAULT '{180}'
          CHECK (reminder_lead_days_valid(ce_behind_lead_days, 91, 730)),
        ce_at_risk_enabled boolean NOT NULL DEFAULT true,
        ce_at_risk_lead_days int[] NOT NULL DEFAULT '{90,30,7}'
          CHECK (reminder_lead_days_valid(ce_at_risk_lead_days, 1, 90)),
        review_waiting_enabled boolean NOT NULL DEFAULT true,
        review_waiting_days int NOT NULL DEFAULT 7 CHECK (review_waiting_days BETWEEN 1 AND 90),
        rejected_enabled boolean NOT NULL DEFAULT true,
        digest_enabled boolean NOT NULL DEFAULT true,
        digest_weekday int NOT NULL DEFAULT 1 CHECK (digest_weekday BETWEEN 1 AND 7),
        digest_hour int NOT NULL DEFAULT 8 CHECK (digest_hour BETWEEN 0 AND 23),
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE reminder_type_lead_days (
        credential_type_id uuid PRIMARY KEY REFERENCES credential_type(id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        lead_days int[] NOT NULL CHECK (reminder_lead_days_valid(lead_days, 1, 730))
      );
      CREATE INDEX reminder_type_lead_days_department_idx ON reminder_type_lead_days (department_id);

      CREATE TABLE reminder_day (
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        day date NOT NULL,
        -- every reminder of the day was considered (false: a run before the digest hour)
        complete boolean NOT NULL,
        runs int NOT NULL DEFAULT 1,
        claimed int NOT NULL DEFAULT 0,
        caught_up int NOT NULL DEFAULT 0,
        first_run_at timestamptz NOT NULL DEFAULT now(),
        last_run_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (department_id, day)
      );

      CREATE TABLE reminder_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        key text NOT NULL,
        kind text NOT NULL,
        staff_id uuid REFERENCES staff(id) ON DELETE CASCADE,
        due_on date NOT NULL,
        run_day date NOT NULL,
        caught_up boolean NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reminder_event_key_uq UNIQUE (department_id, key)
      );

      CREATE TABLE notice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        key text NOT NULL,
        kind text NOT NULL,
        staff_id uuid REFERENCES staff(id) ON DELETE CASCADE,
        title text NOT NULL,
        body text NOT NULL,
        link text NOT NULL,
        due_on date NOT NULL,
        run_day date NOT NULL,
        caught_up boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT notice_key_uq UNIQUE (department_id, key)
      );
      CREATE INDEX notice_user_idx ON notice (user_id, created_at DESC, id DESC);
      CREATE INDEX notice_unread_idx ON notice (user_id) WHERE read_at IS NULL;
      CREATE INDEX notice_department_idx ON notice (department_id, created_at DESC);

      CREATE TABLE webhook_endpoint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        url text NOT NULL CHECK (length(url) BETWEEN 8 AND 2000),
        events text[] NOT NULL CHECK (cardinality(events) >= 1),
        -- signs each delivery (HMAC-SHA256), so it is kept, and shown only once
        secret text NOT NULL,
        description text CHECK (description IS NULL OR length(description) <= 500),
        active boolean NOT NULL DEFAULT true,
        created_by_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      );
      CREATE INDEX webhook_endpoint_department_idx ON webhook_endpoint (department_id);

      CREATE TABLE notice_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        notice_id uuid REFERENCES notice(id) ON DELETE CASCADE,
        event_id uuid REFERENCES reminder_event(id) ON DELETE CASCADE,
        webhook_id uuid REFERENCES webhook_endpoint(id) ON DELETE SET NULL,
        channel text NOT NULL CHECK (channel IN ('email', 'webhook')),
        address text NOT NULL,
        key text NOT NULL,
        result text NOT NULL DEFAULT 'queued'
          CHECK (result IN ('queued', 'retrying', 'sent', 'failed', 'suppressed')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        response_code int,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_attempt_at timestamptz,
        sent_at timestamptz,
        CONSTRAINT notice_delivery_key_uq UNIQUE (department_id, key),
        CONSTRAINT notice_delivery_owner CHECK (
          (channel = 'email' AND notice_id IS NOT NULL) OR (channel = 'webhook' AND event_id IS NOT NULL))
      );
      CREATE INDEX notice_delivery_notice_idx ON notice_delivery (notice_id);
      CREATE INDEX notice_delivery_department_idx ON notice_delivery (department_id, created_at DESC);

      CREATE TABLE failing_address (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('email', 'webhook')),
        address text NOT NULL,
        reason text NOT NULL,
        failures int NOT NULL DEFAULT 1,
        first_failed_at timestamptz NOT NULL DEFAULT now(),
        last_failed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX failing_address_uq ON failing_address (department_id, channel, lower(address));

      CREATE TABLE notification_preference (
        user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
        email_opt_out text[] NOT NULL DEFAULT '{}',
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE notification_preference;
      DROP TABLE failing_address;
      DROP TABLE notice_delivery;
      DROP TABLE webhook_endpoint;
      DROP TABLE notice;
      DROP TABLE reminder_event;
      DROP TABLE reminder_day;
      DROP TABLE reminder_type_lead_days;
      DROP TABLE reminder_settings;
      DROP FUNCTION reminder_lead_days_valid(int[], int, int);
      DROP SCHEMA IF EXISTS pgboss CASCADE;
    `);
  }
}
