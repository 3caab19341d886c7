import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tables whose rows the rules of libs/domain read (readiness, skills matrix, CE status), with how
 * a changed row names its department: its own column, or its parent's (a link table).
 */
export const DATA_VERSIONED_TABLES: readonly {
  table: string;
  column: string;
  parent?: string;
}[] = [
  { table: 'department', column: 'id' },
  { table: 'skill', column: 'department_id' },
  { table: 'credential_type', column: 'department_id' },
  { table: 'credential_type_skill', column: 'credential_type_id', parent: 'credential_type' },
  { table: 'ce_rule', column: 'department_id' },
  { table: 'job_role', column: 'department_id' },
  { table: 'team', column: 'department_id' },
  { table: 'team_manager', column: 'team_id', parent: 'team' },
  { table: 'requirement', column: 'department_id' },
  { table: 'requirement_credential_type', column: 'requirement_id', parent: 'requirement' },
  { table: 'staff', column: 'department_id' },
  { table: 'assessment', column: 'department_id' },
  { table: 'credential', column: 'department_id' },
  { table: 'ce_activity', column: 'department_id' },
  { table: 'ce_activity_credential', column: 'ce_activity_id', parent: 'ce_activity' },
];

/**
 * A department's data version: a number bumped in the same transaction as every write to a table
 * the rules read. The API caches readiness, the skills matrix and CE status under it, and every
 * process checks it with one primary-key read per request, so two or more processes behind a load
 * balancer never serve a figure older than the last committed write (docs/deploy.md).
 *
 * Statement-level triggers with transition tables: a COPY or an import of 10,000 rows bumps the
 * version once per statement, not once per row. Departments are bumped in id order, so two
 * transactions touching the same departments cannot deadlock on their version rows.
 * A new table the rules read adds itself with `SELECT track_department_data('table', 'column')`.
 */
export class DepartmentDataVersion1797200000000 implements MigrationInterface {
  name = 'DepartmentDataVersion1797200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE department_data_version (
        department_id uuid PRIMARY KEY REFERENCES department(id) ON DELETE CASCADE,
        version bigint NOT NULL DEFAULT 1
      );
      INSERT INTO department_data_version (department_id) SELECT id FROM department;

      CREATE FUNCTION bump_department_data_version(departments uuid[]) RETURNS void
      LANGUAGE sql AS $$
        INSERT INTO department_data_version AS v (department_id, version)
        SELECT d.id, 1 FROM (SELECT DISTINCT unnest(departments) AS id) d
          JOIN department ON department.id = d.id
         ORDER BY d.id
        ON CONFLICT (department_id) DO UPDATE SET version = v.version + 1
      $$;

      -- TG_ARGV: the column naming the department (or the parent row) and, for a link table,
      -- the parent table whose department_id it is.
      CREATE FUNCTION department_data_changed() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        sources text[] := CASE TG_OP WHEN 'INSERT' THEN ARRAY['new_rows']
                                     WHEN 'DELETE' THEN ARRAY['old_rows']
                                     ELSE ARRAY['old_rows', 'new_rows'] END;
        source text;
        departments uuid[] := '{}';
        found uuid[];
      BEGIN
        FOREACH source IN ARRAY sources LOOP
          IF TG_NARGS > 1 THEN
            EXECUTE format('SELECT array_agg(DISTINCT p.department_id) FROM %I r JOIN %I p ON p.id = r.%I',
                           source, TG_ARGV[1], TG_ARGV[0]) INTO found;
          ELSE
            EXECUTE format('SELECT array_agg(DISTINCT r.%I) FROM %I r', TG_ARGV[0], source) INTO found;
          END IF;
          departments := departments || coalesce(found, '{}');
        END LOOP;
        IF cardinality(departments) > 0 THEN
          PERFORM bump_department_data_version(departments);
        END IF;
        RETURN NULL;
      END
      $$;

      CREATE FUNCTION track_department_data(tbl text, col text, parent text DEFAULT NULL) RETURNS void
      LANGUAGE plpgsql AS $$
      DECLARE
        ev record;
      BEGIN
        FOR ev IN SELECT * FROM (VALUES
            ('INSERT', 'NEW TABLE AS new_rows'),
            ('UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'),
            ('DELETE', 'OLD TABLE AS old_rows')) AS e(op, referencing) LOOP
          EXECUTE format(
            'CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s FOR EACH STATEMENT EXECUTE FUNCTION department_data_changed(%L%s)',
            tbl || '_data_version_' || lower(ev.op), ev.op, tbl, ev.referencing, col,
            CASE WHEN parent IS NULL THEN '' ELSE format(', %L', parent) END);
        END LOOP;
      END
      $$;
    `);
    for (const { table, column, parent } of DATA_VERSIONED_TABLES) {
      await q.query(`SELECT track_department_data($1, $2, $3)`, [table, column, parent ?? null]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table } of DATA_VERSIONED_TABLES) {
      for (const op of ['insert', 'update', 'delete']) {
        await q.query(`DROP TRIGGER IF EXISTS ${table}_data_version_${op} ON ${table}`);
      }
    }
    await q.query(`
      DROP FUNCTION track_department_data(text, text, text);
      DROP FUNCTION department_data_changed();
      DROP FUNCTION bump_department_data_version(uuid[]);
      DROP TABLE department_data_version;
    `);
  }
}
