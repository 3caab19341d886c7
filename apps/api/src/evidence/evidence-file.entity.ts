import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EvidenceContentType, EvidenceOwnerKind } from '@him/contracts';

/**
 * The metadata of an evidence file. The content is a PostgreSQL large object (`content_oid`),
 * written and read with SQL (lo_from_bytea, lo_get) by EvidenceService, never through this entity.
 */
@Entity('evidence_file')
export class EvidenceFileEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'department_id' }) departmentId!: string;
  @Column('text', { name: 'owner_kind' }) ownerKind!: EvidenceOwnerKind;
  @Column('uuid', { name: 'credential_id', nullable: true }) credentialId!: string | null;
  @Column('uuid', { name: 'ce_activity_id', nullable: true }) ceActivityId!: string | null;
  @Column('text', { name: 'original_name' }) originalName!: string;
  @Column('text', { name: 'content_type' }) contentType!: EvidenceContentType;
  @Column('int8', { name: 'size_bytes' }) sizeBytes!: string;
  @Column('bytea') sha256!: Buffer;
  @Column('int8', { name: 'content_oid', select: false }) contentOid!: string;
  @Column('uuid', { name: 'uploaded_by_user_id', nullable: true }) uploadedByUserId!: string | null;
  @Column('timestamptz', { name: 'uploaded_at' }) uploadedAt!: Date;
}
