import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  PayloadTooLargeException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EvidenceFile, EvidenceOwnerKind, EvidenceTarget, Page } from '@him/contracts';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../auth/access-policy';
import type { RequestUser } from '../auth/request-user';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/errors';
import type { PageQuery } from '../common/pagination';
import { ENV, type Env } from '../config/env';
import { EvidenceRules, type EvidenceOwner } from './evidence-access';
import { describeBytes, sanitizeFileName, sniffContentType } from './evidence-content';
import { EvidenceRepository, type EvidenceRow } from './evidence.repository';

/** Enough for a certificate, a verification printout and a few pages of scans. */
export const MAX_FILES_PER_RECORD = 20;
/** Downloads are read from the large object in pieces of this size, not all at once. */
const READ_CHUNK_BYTES = 1024 * 1024;

/** The part of an uploaded file the service needs (multer's memory storage provides it). */
export interface UploadedEvidence {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** One evidence file with what is needed to send it. */
export interface EvidenceDownload {
  file: EvidenceFile;
  /** the content, read piece by piece from PostgreSQL */
  content: AsyncIterable<Buffer>;
}

const OWNER_LABEL: Record<EvidenceOwnerKind, string> = {
  credential: 'credential',
  'ce-activity': 'CE activity',
};

/**
 * Evidence files (certificates, verification printouts) of credentials and CE activities.
 * The content is a PostgreSQL large object written in the same transaction as its metadata
 * row and its audit event, so a file exists with its record or not at all (docs/evidence.md).
 * Whoever may not read the record gets 404 for its files too.
 */
@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
    private readonly files: EvidenceRepository,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async list(
    user: RequestUser,
    target: EvidenceTarget,
    page: PageQuery,
  ): Promise<Page<EvidenceFile>> {
    const em = this.dataSource.manager;
    await this.owner(em, user, target);
    const { rows, total } = await this.files.page(
      em,
      user.departmentId,
      target,
      page.limit,
      page.offset,
    );
    return { items: rows.map((row) => this.toEvidenceFile(user, row)), total };
  }

  async upload(
    user: RequestUser,
    target: EvidenceTarget,
    file: UploadedEvidence | undefined,
  ): Promise<EvidenceFile> {
    return this.dataSource.transaction(async (em) => {
      // FOR UPDATE: the record cannot be deleted while its file is written, and uploads to it
      // queue behind one another, so the count below is never stale.
      const owner = await this.owner(em, user, target, true);
      if (!EvidenceRules.mayAttach(user, owner.staffId)) {
        throw new ForbiddenException(
          `only the member or a manager may attach evidence to this ${OWNER_LABEL[target.kind]}`,
        );
      }
      // Who may not see the record learns nothing about the file: 404 comes first.
      const content = this.checkContent(file);
      if ((await this.files.count(em, target)) >= MAX_FILES_PER_RECORD) {
        throw new ConflictException(
          `file: this ${OWNER_LABEL[target.kind]} already has ${MAX_FILES_PER_RECORD} files; delete one before adding another`,
        );
      }
      const id = await this.files.insert(em, {
        departmentId: user.departmentId,
        target,
        name: content.name,
        type: content.type,
        buffer: content.buffer,
        sha256: content.sha256,
        uploadedByUserId: user.id,
      });
      const saved = await this.row(em, user, id);
      const evidence = this.toEvidenceFile(user, saved);
      await this.audit.record(em, user, user.departmentId, {
        action: 'create',
        entity: 'evidence_file',
        entityId: id,
        after: auditImage(evidence),
      });
      return evidence;
    });
  }

  /** The file's metadata and its content as a stream of pieces; 404 for whoever may not read the record. */
  async download(user: RequestUser, id: string): Promise<EvidenceDownload> {
    const row = await this.row(this.dataSource.manager, user, id);
    const file = this.toEvidenceFile(user, row);
    return { file, content: this.readContent(id, file.sizeBytes) };
  }

  remove(user: RequestUser, id: string): Promise<void> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.row(em, user, id, true);
      const owner = ownerOf(row);
      if (!EvidenceRules.mayDelete(user, owner, row.uploaded_by_user_id)) {
        throw new ForbiddenException(
          user.staffId === owner.staffId && row.uploaded_by_user_id === user.id
            ? `the ${OWNER_LABEL[owner.kind]} was ${owner.kind === 'credential' ? 'verified' : 'reviewed'}; only a manager may delete its evidence now`
            : 'only a manager may delete evidence someone else uploaded',
        );
      }
      await this.files.delete(em, id);
      await this.audit.deleted(em, user, 'evidence_file', id, {
        before: auditImage(this.toEvidenceFile(user, row)),
      });
    });
  }

  /** 400 for a missing, empty or unrecognised file, 413 for one over the limit; the parts to store otherwise. */
  private checkContent(file: UploadedEvidence | undefined) {
    if (!file || !Buffer.isBuffer(file.buffer)) {
      throw new BadRequestException([
        'file is required: send the document as multipart/form-data in the field "file"',
      ]);
    }
    if (file.buffer.length === 0) throw new BadRequestException(['file is empty']);
    const max = this.env.EVIDENCE_MAX_BYTES;
    if (file.buffer.length > max) {
      throw new PayloadTooLargeException([
        `file must be at most ${describeBytes(max)} (${max} bytes)`,
      ]);
    }
    const type = sniffContentType(file.buffer);
    if (!type) {
      throw new BadRequestException([
        'file must be a PDF, PNG or JPEG document; its content is none of these, whatever its name says',
      ]);
    }
    return {
      type,
      name: sanitizeFileName(file.originalname, type),
      buffer: file.buffer,
      sha256: createHash('sha256').update(file.buffer).digest(),
    };
  }

  /** The record a target names, if the caller may read it; 404 otherwise (other departments included). */
  private async owner(
    em: EntityManager,
    user: RequestUser,
    target: EvidenceTarget,
    lock = false,
  ): Promise<EvidenceOwner> {
    const row = await this.files.owner(em, user.departmentId, target, lock);
    if (!row || !this.access.canSeeStaff(user, row.staff_id)) {
      throw notFound(OWNER_LABEL[target.kind]);
    }
    return { kind: target.kind, id: row.id, staffId: row.staff_id, reviewed: row.reviewed };
  }

  private async row(
    em: EntityManager,
    user: RequestUser,
    id: string,
    lock = false,
  ): Promise<EvidenceRow> {
    const row = await this.files.file(em, user.departmentId, id, lock);
    if (!row || !this.access.canSeeStaff(user, row.staff_id)) throw notFound('evidence file');
    return row;
  }

  /**
   * Piece by piece, each its own short query, so a slow download holds no connection. A file
   * deleted meanwhile ends the stream with an error (the client sees a short body).
   */
  private async *readContent(id: string, size: number): AsyncGenerator<Buffer> {
    for (let offset = 0; offset < size; offset += READ_CHUNK_BYTES) {
      const chunk = await this.files.readChunk(
        id,
        offset,
        Math.min(READ_CHUNK_BYTES, size - offset),
      );
      if (!chunk) throw new Error(`evidence file ${id} was deleted while it was read`);
      yield chunk;
    }
  }

  private toEvidenceFile(user: RequestUser, row: EvidenceRow): EvidenceFile {
    return {
      id: row.id,
      ownerKind: row.owner_kind,
      ownerId: row.owner_id,
      staffId: row.staff_id,
      originalName: row.original_name,
      contentType: row.content_type,
      sizeBytes: Number(row.size_bytes),
      sha256: row.sha256.toString('hex'),
      uploadedByUserId: row.uploaded_by_user_id,
      uploadedAt: new Date(row.uploaded_at).toISOString(),
      canDelete: EvidenceRules.mayDelete(user, ownerOf(row), row.uploaded_by_user_id),
    };
  }
}

function ownerOf(row: EvidenceRow): EvidenceOwner {
  return { kind: row.owner_kind, id: row.owner_id, staffId: row.staff_id, reviewed: row.reviewed };
}

/** What the audit trail keeps of a file: its metadata, never its content. */
function auditImage(file: EvidenceFile): Omit<EvidenceFile, 'canDelete'> {
  const metadata: Partial<EvidenceFile> = { ...file };
  delete metadata.canDelete;
  return metadata as Omit<EvidenceFile, 'canDelete'>;
}
