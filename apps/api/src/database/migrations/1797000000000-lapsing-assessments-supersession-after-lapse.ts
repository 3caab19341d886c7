import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rules of issue 10 as data (DOMAIN.md R2, R5, R12, R18):
 *
 * - `skill.reassess_months` and `department.assessment_validity_months`: how long a competence
 *   assessment counts (null: the department's; the department's null: assessments never lapse).
 * - `credential_type_supersession`: the types a credential type supersedes (RHIA supersedes
 *   RHIT), both of one department; a row goes with either type. Existing departments whose
 *   AHIMA catalog holds RHIA and RHIT get RHIA supersedes RHIT (credentials.md).
 * - `ce_rule.after_lapse`: the states that follow an expiry, as `[{state, days}]`. Existing
 *   rules of AHIMA, AAPC and ACDIS get the defaults of credentials.md; every other body none.
 * - `requirement.verified_only`: a credential requirement (role requirement or coverage target)
 *   that only a verified credential meets.
 */
export class LapsingAssessmentsSupersessionAfterLapse1797000000000 implements MigrationInterface {
  name = 'LapsingAssessmentsSupersessionAfterLapse1797000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE skill
        ADD COLUMN reassess_months int CHECK (reassess_months BETWEEN 1 AND 600);
      ALTER TABLE department
        ADD COLUMN assessment_validity_months int
          CHECK (assessment_validity_months BETWEEN 1 AND 600);

      CREATE TABLE credential_type_supersession (
        credential_type_id uuid NOT NULL REFERENCES credential_type(id) ON DELETE CASCADE,
        superseded_type_id uuid NOT NULL REFERENCES credential_type(id) ON DELETE CASCADE,
        PRIMARY KEY (credential_type_id, superseded_type_id),
        CHECK (credential_type_id <> superseded_type_id)
      );
      CREATE INDEX credential_type_supersession_superseded_idx
        ON credential_type_supersession (superseded_type_id);
      INSERT INTO credential_type_supersession (credential_type_id, superseded_type_id)
        SELECT a.id, t.id
          FROM credential_type a
          JOIN credential_type t ON t.department_id = a.department_id
         WHERE upper(a.code) = 'RHIA' AND upper(t.code) = 'RHIT'
           AND upper(a.issuing_body) = 'AHIMA' AND upper(t.issuing_body) = 'AHIMA';

      ALTER TABLE ce_rule
        ADD COLUMN after_lapse jsonb NOT NULL DEFAULT '[]'
          CHECK (jsonb_typeof(after_lapse) = 'array');
      UPDATE ce_rule SET after_lapse = '[{"state": "inactive", "days": 180}]'
        WHERE upper(issuing_body) = 'AHIMA';
      UPDATE ce_rule SET after_lapse = '[{"state": "grace", "days": 90}]'
        WHERE upper(issuing_body) = 'AAPC';
      UPDATE ce_rule SET after_lapse = '[{"state": "grace", "days": 45}]'
        WHERE upper(issuing_body) = 'ACDIS';

      ALTER TABLE requirement
        ADD COLUMN verified_only boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT requirement_verified_only_credential
          CHECK (NOT verified_only OR kind = 'credential');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE requirement DROP CONSTRAINT requirement_verified_only_credential,
        DROP COLUMN verified_only;
      ALTER TABLE ce_rule DROP COLUMN after_lapse;
      DROP TABLE credential_type_supersession;
      ALTER TABLE department DROP COLUMN assessment_validity_months;
      ALTER TABLE skill DROP COLUMN reassess_months;
    `);
  }
}
