import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AssessmentSource } from '@him/contracts';

@Entity('assessment')
export class AssessmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'department_id' }) departmentId!: string;
  @Column('uuid', { name: 'staff_id' }) staffId!: string;
  @Column('uuid', { name: 'skill_id' }) skillId!: string;
  @Column('smallint') level!: number;
  @Column('date', { name: 'assessed_on' }) assessedOn!: string;
  @Column('text') source!: AssessmentSource;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('uuid', { name: 'assessed_by_user_id', nullable: true }) assessedByUserId!: string | null;
  @Column('timestamptz', { name: 'recorded_at', default: () => 'clock_timestamp()' })
  recordedAt!: Date;
}
