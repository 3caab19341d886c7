import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity('department')
export class DepartmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text', { name: 'time_zone' }) timeZone!: string;
  @Column('boolean', { name: 'require_verification' }) requireVerification!: boolean;
  @Column('int', { name: 'expiry_warning_days' }) expiryWarningDays!: number;
  @Column('int', { name: 'reminder_lead_days', array: true }) reminderLeadDays!: number[];
  @Column('int', { name: 'assessment_validity_months', nullable: true })
  assessmentValidityMonths!: number | null;
  @Column('boolean', { name: 'sso_create_accounts' }) ssoCreateAccounts!: boolean;
  @Column('boolean', { name: 'password_sign_in' }) passwordSignIn!: boolean;
  @Column('boolean', { name: 'staff_may_add_credentials' }) staffMayAddCredentials!: boolean;
  @Column('uuid', { name: 'break_glass_user_id', nullable: true }) breakGlassUserId!: string | null;
  @Column('int') version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
