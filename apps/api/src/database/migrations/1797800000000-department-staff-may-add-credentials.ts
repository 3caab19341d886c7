import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether staff may add a credential they newly earned themselves (it is stored unverified and
 * waits for a manager); true unless the department's policy is that managers add every credential.
 */
export class DepartmentStaffMayAddCredentials1797800000000 implements MigrationInterface {
  name = 'DepartmentStaffMayAddCredentials1797800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE department ADD COLUMN staff_may_add_credentials boolean NOT NULL DEFAULT true`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE department DROP COLUMN staff_may_add_credentials`);
  }
}
