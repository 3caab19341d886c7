import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calendar feed tokens and evidence files.
 *
 * A feed token is stored only as the SHA-256 of its secret. An evidence file's content is a
 * PostgreSQL large object (docs/evidence.md): it is written, committed, backed up and deleted
 * together with its metadata row. A trigger unlinks the large object whenever the row goes,
 * also when a CE activity, a member or a department is deleted and the row goes by cascade,
 * so no content is ever left behind without its row.
 */
export class CalendarTokensAndEvidenceFiles1795488000000 implements MigrationInterface {
  name = 'CalendarTokensAndEvidenceFiles1795488000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        label text CHECK (label IS NULL OR length(trim(label)) BETWEEN 1 AND 100),
        scope text NOT NULL CHECK (scope IN ('self', 'teams')),
        token_hash bytea NOT NULL CHECK (octet_length(token_hash) = 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        revoked_by_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        CONSTRAINT calendar_token_revoked_complete CHECK (revoked_at IS NOT NULL OR revoked_by_user_id IS NULL)
      );
      -- A feed request finds its token by the hash of the secret in the URL.
      CREATE UNIQUE INDEX calendar_token_hash_uq ON calendar_token (token_hash);
      CREATE INDEX calendar_token_user_idx ON calendar_token (user_id, created_at);
      CREATE INDEX calendar_token_department_idx ON calendar_token (department_id);

      CREATE TABLE evidence_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        owner_kind text NOT NULL CHECK (owner_kind IN ('credential', 'ce-activity')),
        credential_id uuid REFERENCES credential(id) ON DELETE CASCADE,
        ce_activity_id uuid REFERENCES ce_activity(id) ON DELETE CASCADE,
        original_name text NOT NULL CHECK (length(original_name) BETWEEN 1 AND 255),
        content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        sha256 bytea NOT NULL CHECK (octet_length(sha256) = 32),
        content_oid oid NOT NULL,
        uploaded_by_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        uploaded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT evidence_file_one_owner CHECK (
          (owner_kind = 'credential' AND credential_id IS NOT NULL AND ce_activity_id IS NULL)
          OR (owner_kind = 'ce-activity' AND ce_activity_id IS NOT NULL AND credential_id IS NULL))
      );
      CREATE INDEX evidence_file_credential_idx ON evidence_file (credential_id, uploaded_at) WHERE credential_id IS NOT NULL;
      CREATE INDEX evidence_file_ce_activity_idx ON evidence_file (ce_activity_id, uploaded_at) WHERE ce_activity_id IS NOT NULL;
      CREATE INDEX evidence_file_department_idx ON evidence_file (department_id);
      CREATE UNIQUE INDEX evidence_file_content_uq ON evidence_file (content_oid);

      -- The content goes with its row, however the row goes (DELETE or a cascade).
      CREATE FUNCTION evidence_file_unlink_content() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_largeobject_metadata WHERE oid = OLD.content_oid) THEN
          PERFORM lo_unlink(OLD.content_oid);
        END IF;
        RETURN OLD;
      END $$;
      CREATE TRIGGER evidence_file_unlink AFTER DELETE ON evidence_file
        FOR EACH ROW EXECUTE FUNCTION evidence_file_unlink_content();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Deleting the rows first lets the trigger unlink every large object.
      DELETE FROM evidence_file;
      DROP TABLE evidence_file;
      DROP FUNCTION evidence_file_unlink_content();
      DROP TABLE calendar_token;
    `);
  }
}
