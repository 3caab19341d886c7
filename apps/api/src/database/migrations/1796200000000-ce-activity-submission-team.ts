import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The team a member belonged to when a CE activity was submitted. A reviewer must manage that
 * team and the member's team now (AccessPolicy's Reviewer), so moving a member into one's own team
 * for an afternoon does not make their activities one's own to approve. Existing activities take
 * the member's current team: the only team known for them.
 */
export class CeActivitySubmissionTeam1796200000000 implements MigrationInterface {
  name = 'CeActivitySubmissionTeam1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ce_activity
        ADD COLUMN submitted_team_id uuid REFERENCES team(id) ON DELETE SET NULL;
      UPDATE ce_activity a SET submitted_team_id = s.team_id FROM staff s WHERE s.id = a.staff_id;
      CREATE INDEX ce_activity_submitted_team_idx ON ce_activity (submitted_team_id)
        WHERE submitted_team_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ce_activity DROP COLUMN submitted_team_id`);
  }
}
