import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EvidenceContentType, EvidenceOwnerKind, EvidenceTarget } from '@him/contracts';
import { DataSource, EntityManager } from 'typeorm';

/** An evidence file's row with its owner's member and review state (for the access rules). */
export interface EvidenceRow {
  id: string;
  owner_kind: EvidenceOwnerKind;
  owner_id: string;
  staff_id: string;
  reviewed: boolean;
  original_name: string;
  content_type: EvidenceContentType;
  size_bytes: string;
  sha256: Buffer;
  uploaded_by_user_id: string | null;
  uploaded_at: Date;
}

/** The record a file is (to be) attached to, as stored. */
export interface EvidenceOwnerRow {
  id: string;
  staff_id: string;
  /** someone relied on the record: the CE activity was reviewed, the credential verified */
  reviewed: boolean;
}

/** What a new file's row and content are. */
export interface NewEvidence {
  departmentId: string;
  target: EvidenceTarget;
  name: string;
  type: EvidenceContentType;
  buffer: Buffer;
  sha256: Buffer;
  uploadedByUserId: string;
}

const selectEvidence = (extraColumns = '') => `
  SELECT ${extraColumns}e.id, e.owner_kind, coalesce(e.credential_id, e.ce_activity_id) AS owner_id,
         coalesce(c.staff_id, a.staff_id) AS staff_id,
         CASE WHEN e.owner_kind = 'credential' THEN c.verification_method IS NOT NULL
              ELSE a.status <> 'submitted' END AS reviewed,
         e.original_name, e.content_type, e.size_bytes, e.sha256, e.uploaded_by_user_id, e.uploaded_at
    FROM evidence_file e
    LEFT JOIN credential c ON c.id = e.credential_id
    LEFT JOIN ce_activity a ON a.id = e.ce_activity_id`;

function ownerColumn(kind: EvidenceOwnerKind): 'credential_id' | 'ce_activity_id' {
  return kind === 'credential' ? 'credential_id' : 'ce_activity_id';
}

/**
 * Evidence files in PostgreSQL: metadata rows, the content as large objects (written with its
 * row, read in pieces). Every method takes the transaction's manager where it must be in one.
 */
@Injectable()
export class EvidenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The credential or CE activity a target names, in the department. With `lock`, FOR UPDATE:
   * uploads to one record then run one after another, so each counts the files the one before
   * committed and the limit of files per record holds (FOR SHARE let 30 concurrent uploads all
   * count 19 and store 24).
   */
  async owner(
    em: EntityManager,
    departmentId: string,
    target: EvidenceTarget,
    lock = false,
  ): Promise<EvidenceOwnerRow | undefined> {
    const sql =
      target.kind === 'credential'
        ? `SELECT id, staff_id, verification_method IS NOT NULL AS reviewed FROM credential WHERE id = $1 AND department_id = $2`
        : `SELECT id, staff_id, status <> 'submitted' AS reviewed FROM ce_activity WHERE id = $1 AND department_id = $2`;
    const rows: EvidenceOwnerRow[] = await em.query(lock ? `${sql} FOR UPDATE` : sql, [
      target.id,
      departmentId,
    ]);
    return rows[0];
  }

  /** A page of a record's files, oldest first, with the record's count of files. */
  async page(
    em: EntityManager,
    departmentId: string,
    target: EvidenceTarget,
    limit: number,
    offset: number,
  ): Promise<{ rows: EvidenceRow[]; total: number }> {
    const rows: (EvidenceRow & { total: string })[] = await em.query(
      `${selectEvidence('count(*) OVER () AS total, ')}
        WHERE e.${ownerColumn(target.kind)} = $1 AND e.department_id = $2
        ORDER BY e.uploaded_at, e.id
        LIMIT $3 OFFSET $4`,
      [target.id, departmentId, limit, offset],
    );
    const total = rows.length > 0 ? Number(rows[0].total) : await this.count(em, target);
    return { rows, total };
  }

  /** One file of the department (FOR UPDATE when `lock`). */
  async file(
    em: EntityManager,
    departmentId: string,
    id: string,
    lock = false,
  ): Promise<EvidenceRow | undefined> {
    const rows: EvidenceRow[] = await em.query(
      `${selectEvidence()} WHERE e.id = $1 AND e.department_id = $2${lock ? ' FOR UPDATE OF e' : ''}`,
      [id, departmentId],
    );
    return rows[0];
  }

  /** How many files a record has. */
  async count(em: EntityManager, target: EvidenceTarget): Promise<number> {
    const [{ count }] = await em.query(
      `SELECT count(*) FROM evidence_file WHERE ${ownerColumn(target.kind)} = $1`,
      [target.id],
    );
    return Number(count);
  }

  /** Stores the row and its content as a large object; the new file's id. */
  async insert(em: EntityManager, file: NewEvidence): Promise<string> {
    const [{ id }]: { id: string }[] = await em.query(
      `INSERT INTO evidence_file (department_id, owner_kind, credential_id, ce_activity_id, original_name,
                                  content_type, size_bytes, sha256, content_oid, uploaded_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, lo_from_bytea(0, $9), $10)
       RETURNING id`,
      [
        file.departmentId,
        file.target.kind,
        file.target.kind === 'credential' ? file.target.id : null,
        file.target.kind === 'ce-activity' ? file.target.id : null,
        file.name,
        file.type,
        file.buffer.length,
        file.sha256,
        file.buffer,
        file.uploadedByUserId,
      ],
    );
    return id;
  }

  /** Deletes the row; the trigger evidence_file_unlink removes the content with it. */
  async delete(em: EntityManager, id: string): Promise<void> {
    await em.query(`DELETE FROM evidence_file WHERE id = $1`, [id]);
  }

  /** `length` bytes of the content from `offset`, in a short query of its own; undefined once the file is gone. */
  async readChunk(id: string, offset: number, length: number): Promise<Buffer | undefined> {
    const rows: { chunk: Buffer }[] = await this.dataSource.query(
      `SELECT lo_get(content_oid, $2::bigint, $3::int) AS chunk FROM evidence_file WHERE id = $1`,
      [id, offset, length],
    );
    return rows[0]?.chunk;
  }
}
