import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { CeReviewStatus } from '@him/contracts';
import { numericTransformer } from '../common/columns';

@Entity('ce_activity')
export class CeActivityEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'department_id' }) departmentId!: string;
  @Column('uuid', { name: 'staff_id' }) staffId!: string;
  @Column('text') title!: string;
  @Column('text') provider!: string;
  @Column('date', { name: 'completed_on' }) completedOn!: string;
  @Column('numeric', { precision: 6, scale: 2, transformer: numericTransformer }) hours!: number;
  @Column('text', { array: true }) categories!: string[];
  @Column('text') status!: CeReviewStatus;
  @Column('text', { name: 'review_note', nullable: true }) reviewNote!: string | null;
  @Column('uuid', { name: 'reviewed_by_user_id', nullable: true }) reviewedByUserId!: string | null;
  @Column('timestamptz', { name: 'reviewed_at', nullable: true }) reviewedAt!: Date | null;
  @Column('uuid', { name: 'created_by_user_id', nullable: true }) createdByUserId!: string | null;
  /** the member's team when the activity was submitted (null: that team was deleted) */
  @Column('uuid', { name: 'submitted_team_id', nullable: true }) submittedTeamId!: string | null;
  @Column('int') version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('ce_activity_credential')
export class CeActivityCredentialEntity {
  @PrimaryColumn('uuid', { name: 'ce_activity_id' }) ceActivityId!: string;
  @PrimaryColumn('uuid', { name: 'credential_id' }) credentialId!: string;
}
