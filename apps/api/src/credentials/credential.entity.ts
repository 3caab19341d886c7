import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { VerificationMethod } from '@him/contracts';

@Entity('credential')
export class CredentialEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'department_id' }) departmentId!: string;
  @Column('uuid', { name: 'staff_id' }) staffId!: string;
  @Column('uuid', { name: 'credential_type_id' }) credentialTypeId!: string;
  @Column('text', { nullable: true }) number!: string | null;
  @Column('date', { name: 'issued_on' }) issuedOn!: string;
  @Column('date', { name: 'expires_on', nullable: true }) expiresOn!: string | null;
  @Column('text', { name: 'verification_method', nullable: true })
  verificationMethod!: VerificationMethod | null;
  @Column('date', { name: 'verified_on', nullable: true }) verifiedOn!: string | null;
  @Column('uuid', { name: 'verified_by_user_id', nullable: true }) verifiedByUserId!: string | null;
  @Column('text', { name: 'verification_note', nullable: true }) verificationNote!: string | null;
  @Column('text', { name: 'verification_reference', nullable: true })
  verificationReference!: string | null;
  @Column('date', { name: 'revoked_on', nullable: true }) revokedOn!: string | null;
  @Column('text', { name: 'revoked_reason', nullable: true }) revokedReason!: string | null;
  @Column('int') version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
