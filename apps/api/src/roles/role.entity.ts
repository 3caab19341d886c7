import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('job_role')
export class RoleEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'department_id' }) departmentId!: string;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('int') version!: number;
}
