import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole schema of the first release. Rules that protect the data live in the database
 * as well as in the code: foreign keys, unique codes and emails, levels 0..4, hours > 0,
 * issued_on <= expires_on, and an audit trail that cannot be changed once written.
 */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE system_setting (
        key text PRIMARY KEY,
        value text NOT NULL
      );

      CREATE TABLE department (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(trim(name)) > 0),
        time_zone text NOT NULL DEFAULT 'UTC',
        require_verification boolean NOT NULL DEFAULT false,
        expiry_warning_days int NOT NULL DEFAULT 90 CHECK (expiry_warning_days BETWEEN 1 AND 730),
        reminder_lead_days int[] NOT NULL DEFAULT '{90,60,30,7}',
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE skill (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(trim(name)) > 0),
        category text NOT NULL CHECK (category IN ('technical', 'regulatory', 'soft')),
        description text,
        version int NOT NULL DEFAULT 1
      );
      CREATE UNIQUE INDEX skill_department_name_uq ON skill (department_id, lower(name));

      CREATE TABLE credential_type (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        code text NOT NULL CHECK (length(trim(code)) > 0),
        name text NOT NULL CHECK (length(trim(name)) > 0),
        issuing_body text NOT NULL CHECK (length(trim(issuing_body)) > 0),
        base_ceus numeric(6,2) NOT NULL CHECK (base_ceus >= 0),
        version int NOT NULL DEFAULT 1
      );
      CREATE UNIQUE INDEX credential_type_department_code_uq ON credential_type (department_id, upper(code));

      CREATE TABLE credential_type_skill (
        credential_type_id uuid NOT NULL REFERENCES credential_type(id) ON DELETE CASCADE,
        skill_id uuid NOT NULL REFERENCES skill(id) ON DELETE RESTRICT,
        level smallint NOT NULL CHECK (level BETWEEN 0 AND 4),
        PRIMARY KEY (credential_type_id, skill_id)
      );
      CREATE INDEX credential_type_skill_skill_idx ON credential_type_skill (skill_id);

      CREATE TABLE ce_rule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        issuing_body text NOT NULL CHECK (length(trim(issuing_body)) > 0),
        cycle_months int NOT NULL CHECK (cycle_months BETWEEN 1 AND 120),
        extra_per_additional numeric(6,2) NOT NULL DEFAULT 0 CHECK (extra_per_additional >= 0),
        cap numeric(6,2) CHECK (cap IS NULL OR cap > 0),
        minimums jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(minimums) = 'array'),
        version int NOT NULL DEFAULT 1
      );
      CREATE UNIQUE INDEX ce_rule_department_body_uq ON ce_rule (department_id, upper(issuing_body));

      CREATE TABLE job_role (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(trim(name)) > 0),
        description text,
        version int NOT NULL DEFAULT 1
      );
      CREATE UNIQUE INDEX job_role_department_name_uq ON job_role (department_id, lower(name));

      CREATE TABLE team (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(trim(name)) > 0),
        version int NOT NULL DEFAULT 1
      );
      CREATE UNIQUE INDEX team_department_name_uq ON team (department_id, lower(name));

      CREATE TABLE requirement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        role_id uuid REFERENCES job_role(id) ON DELETE CASCADE,
        team_id uuid REFERENCES team(id) ON DELETE CASCADE,
        position int NOT NULL DEFAULT 0,
        kind text NOT NULL CHECK (kind IN ('skill', 'credential')),
        skill_id uuid REFERENCES skill(id) ON DELETE RESTRICT,
        min_level smallint CHECK (min_level BETWEEN 0 AND 4),
        min_holders int CHECK (min_holders >= 1),
        CONSTRAINT requirement_one_owner CHECK ((role_id IS NULL) <> (team_id IS NULL)),
        CONSTRAINT requirement_target_has_min CHECK (team_id IS NULL OR min_holders IS NOT NULL),
        CONSTRAINT requirement_role_has_no_min CHECK (role_id IS NULL OR min_holders IS NULL),
        CONSTRAINT requirement_skill_shape CHECK (
          (kind = 'skill' AND skill_id IS NOT NULL AND min_level IS NOT NULL)
          OR (kind = 'credential' AND skill_id IS NULL AND min_level IS NULL))
      );
      CREATE INDEX requirement_role_idx ON requirement (role_id) WHERE role_id IS NOT NULL;
      CREATE INDEX requirement_team_idx ON requirement (team_id) WHERE team_id IS NOT NULL;
      CREATE INDEX requirement_skill_idx ON requirement (skill_id) WHERE skill_id IS NOT NULL;

      CREATE TABLE requirement_credential_type (
        requirement_id uuid NOT NULL REFERENCES requirement(id) ON DELETE CASCADE,
        credential_type_id uuid NOT NULL REFERENCES credential_type(id) ON DELETE RESTRICT,
        PRIMARY KEY (requirement_id, credential_type_id)
      );
      CREATE INDEX requirement_credential_type_type_idx ON requirement_credential_type (credential_type_id);

      CREATE TABLE staff (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        team_id uuid NOT NULL REFERENCES team(id) ON DELETE RESTRICT,
        role_id uuid NOT NULL REFERENCES job_role(id) ON DELETE RESTRICT,
        name text NOT NULL CHECK (length(trim(name)) > 0),
        email text NOT NULL CHECK (position('@' in email) > 1),
        employee_id text,
        status text NOT NULL CHECK (status IN ('active', 'leave', 'terminated')),
        hire_date date NOT NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX staff_department_email_uq ON staff (department_id, lower(email));
      CREATE UNIQUE INDEX staff_department_employee_id_uq ON staff (department_id, employee_id) WHERE employee_id IS NOT NULL;
      CREATE INDEX staff_department_team_idx ON staff (department_id, team_id);
      CREATE INDEX staff_role_idx ON staff (role_id);

      CREATE TABLE team_manager (
        team_id uuid NOT NULL REFERENCES team(id) ON DELETE CASCADE,
        staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE RESTRICT,
        PRIMARY KEY (team_id, staff_id)
      );
      CREATE INDEX team_manager_staff_idx ON team_manager (staff_id);

      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        email text NOT NULL CHECK (position('@' in email) > 1),
        password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
        role text NOT NULL CHECK (role IN ('admin', 'manager', 'staff')),
        staff_id uuid REFERENCES staff(id) ON DELETE RESTRICT,
        active boolean NOT NULL DEFAULT true,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_login_at timestamptz,
        CONSTRAINT app_user_staff_needs_staff CHECK (role <> 'staff' OR staff_id IS NOT NULL)
      );
      CREATE UNIQUE INDEX app_user_email_uq ON app_user (lower(email));
      CREATE UNIQUE INDEX app_user_staff_uq ON app_user (staff_id) WHERE staff_id IS NOT NULL;

      CREATE TABLE assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        skill_id uuid NOT NULL REFERENCES skill(id) ON DELETE RESTRICT,
        level smallint NOT NULL CHECK (level BETWEEN 0 AND 4),
        assessed_on date NOT NULL,
        source text NOT NULL CHECK (source IN ('self', 'manager')),
        note text,
        assessed_by_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      -- R2 reads the latest assessment per member and skill on or before a date.
      CREATE INDEX assessment_latest_idx ON assessment (department_id, staff_id, skill_id, assessed_on DESC);
      CREATE INDEX assessment_skill_idx ON assessment (skill_id);

      CREATE TABLE credential (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        credential_type_id uuid NOT NULL REFERENCES credential_type(id) ON DELETE RESTRICT,
        number text,
        issued_on date NOT NULL,
        expires_on date,
        verification_method text CHECK (verification_method IN ('primary-source', 'certificate-copy')),
        verified_on date,
        verified_by_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        verification_note text,
        revoked_on date,
        revoked_reason text,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT credential_dates CHECK (expires_on IS NULL OR issued_on <= expires_on),
        CONSTRAINT credential_verification_complete CHECK ((verification_method IS NULL) = (verified_on IS NULL))
      );
      -- A number identifies one live credential of a type; a revoked record keeps its number
      -- for history without blocking the corrected entry.
      CREATE UNIQUE INDEX credential_type_number_uq ON credential (department_id, credential_type_id, number)
        WHERE number IS NOT NULL AND revoked_on IS NULL;
      CREATE INDEX credential_staff_idx ON credential (staff_id);
      -- R10 and the calendar look credentials up by expiry date.
      CREATE INDEX credential_department_expiry_idx ON credential (department_id, expires_on);
      CREATE INDEX credential_type_idx ON credential (credential_type_id);

      CREATE TABLE ce_activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (length(trim(title)) > 0),
        provider text NOT NULL CHECK (length(trim(provider)) > 0),
        completed_on date NOT NULL,
        hours numeric(6,2) NOT NULL CHECK (hours > 0 AND hours <= 200),
        categories text[] NOT NULL DEFAULT '{}',
        status text NOT NULL CHECK (status IN ('submitted', 'approved', 'rejected')),
        review_note text,
        reviewed_by_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        reviewed_at timestamptz,
        created_by_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX ce_activity_staff_completed_idx ON ce_activity (department_id, staff_id, completed_on);
      CREATE INDEX ce_activity_review_queue_idx ON ce_activity (department_id, status) WHERE status = 'submitted';

      CREATE TABLE ce_activity_credential (
        ce_activity_id uuid NOT NULL REFERENCES ce_activity(id) ON DELETE CASCADE,
        credential_id uuid NOT NULL REFERENCES credential(id) ON DELETE RESTRICT,
        PRIMARY KEY (ce_activity_id, credential_id)
      );
      CREATE INDEX ce_activity_credential_credential_idx ON ce_activity_credential (credential_id);

      CREATE TABLE audit_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        user_id uuid,
        user_email text,
        action text NOT NULL,
        entity text NOT NULL,
        entity_id uuid NOT NULL,
        before jsonb,
        after jsonb,
        note text
      );
      CREATE INDEX audit_event_entity_idx ON audit_event (department_id, entity, entity_id, at);
      CREATE INDEX audit_event_at_idx ON audit_event (department_id, at);
      -- A member's trail: their staff record and every record that names them (staffId).
      CREATE INDEX audit_event_subject_idx ON audit_event (department_id, (coalesce(after->>'staffId', before->>'staffId')));

      -- R16: the audit trail cannot be edited. Only removing a whole department may delete it.
      CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM department WHERE id = OLD.department_id) THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit events cannot be changed or deleted' USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE audit_event;
      DROP FUNCTION audit_event_is_append_only();
      DROP TABLE ce_activity_credential;
      DROP TABLE ce_activity;
      DROP TABLE credential;
      DROP TABLE assessment;
      DROP TABLE app_user;
      DROP TABLE team_manager;
      DROP TABLE staff;
      DROP TABLE requirement_credential_type;
      DROP TABLE requirement;
      DROP TABLE team;
      DROP TABLE job_role;
      DROP TABLE ce_rule;
      DROP TABLE credential_type_skill;
      DROP TABLE credential_type;
      DROP TABLE skill;
      DROP TABLE department;
      DROP TABLE system_setting;
    `);
  }
}
