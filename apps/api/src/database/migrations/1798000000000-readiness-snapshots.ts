import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The department's figures as they were recorded on each day (its own day), under the rules of
 * that day: a requirement added later does not rewrite them, so a trend and a "change since"
 * can be read against what was true then. One row per department and day; recording the day
 * again replaces it.
 */
export class ReadinessSnapshots1798000000000 implements MigrationInterface {
  name = 'ReadinessSnapshots1798000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE readiness_snapshot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        taken_on date NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        staff_ready integer NOT NULL CHECK (staff_ready >= 0),
        staff_total integer NOT NULL CHECK (staff_total >= staff_ready),
        requirements_met integer NOT NULL CHECK (requirements_met >= 0),
        requirements_total integer NOT NULL CHECK (requirements_total >= requirements_met),
        targets_met integer NOT NULL CHECK (targets_met >= 0),
        targets_total integer NOT NULL CHECK (targets_total >= targets_met),
        teams jsonb NOT NULL DEFAULT '[]'::jsonb,
        CONSTRAINT readiness_snapshot_department_day UNIQUE (department_id, taken_on)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE readiness_snapshot`);
  }
}
