import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * NCRA's Certified Tumor Registrar (CTR) is now the Oncology Data Specialist (ODS,
 * credentials.md). A department's CTR type of NCRA is renamed only where its code is still the
 * default's (`CTR`) and the department has no ODS type already; its name only where it is still
 * the default's. Credentials, requirements and targets keep pointing at the same type.
 */
export class CtrBecomesOds1797000100000 implements MigrationInterface {
  name = 'CtrBecomesOds1797000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE credential_type t
         SET code = 'ODS',
             name = CASE WHEN name = 'Certified Tumor Registrar' THEN 'Oncology Data Specialist' ELSE name END,
             version = version + 1
       WHERE code = 'CTR' AND upper(issuing_body) = 'NCRA'
         AND NOT EXISTS (SELECT 1 FROM credential_type o
                          WHERE o.department_id = t.department_id AND upper(o.code) = 'ODS');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE credential_type t
         SET code = 'CTR',
             name = CASE WHEN name = 'Oncology Data Specialist' THEN 'Certified Tumor Registrar' ELSE name END,
             version = version + 1
       WHERE code = 'ODS' AND upper(issuing_body) = 'NCRA'
         AND NOT EXISTS (SELECT 1 FROM credential_type o
                          WHERE o.department_id = t.department_id AND upper(o.code) = 'CTR');
    `);
  }
}
