import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Primary-source verification names its source (Joint Commission: date, who, what, result): a
 * lookup URL or the confirmation number the issuing body gave. Optional, and only with a
 * verification: a credential without one has no reference to keep.
 */
export class CredentialVerificationReference1797100000000 implements MigrationInterface {
  name = 'CredentialVerificationReference1797100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE credential
        ADD COLUMN verification_reference text
          CHECK (verification_reference IS NULL OR length(verification_reference) BETWEEN 1 AND 500),
        ADD CONSTRAINT credential_verification_reference_needs_verification
          CHECK (verification_reference IS NULL OR verification_method IS NOT NULL);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credential DROP COLUMN verification_reference`);
  }
}
