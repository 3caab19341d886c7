import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rules read which credential types supersede which (R12): a change of
 * `credential_type_supersession` bumps its department's data version as every other table the
 * rules read does (1797200000000), so no process serves figures cached before it.
 */
export class SupersessionDataVersion1797500000000 implements MigrationInterface {
  name = 'SupersessionDataVersion1797500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `SELECT track_department_data('credential_type_supersession', 'credential_type_id', 'credential_type')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const op of ['insert', 'update', 'delete']) {
      await q.query(
        `DROP TRIGGER IF EXISTS credential_type_supersession_data_version_${op} ON credential_type_supersession`,
      );
    }
  }
}
