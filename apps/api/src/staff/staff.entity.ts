import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { StaffStatus } from '@him/contracts';

@Entity('staff')
export class StaffEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'department_id' }) departmentId!: string;
  @Column('uuid', { name: 'team_id' }) teamId!: string;
  @Column('uuid', { name: 'role_id' }) roleId!: string;
  @Column('text') name!: string;
  @Column('text') email!: string;
  @Column('text', { name: 'employee_id', nullable: true }) employeeId!: string | null;
  @Column('text') status!: StaffStatus;
  @Column('date', { name: 'hire_date' }) hireDate!: string;
  @Column('int') version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
