import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SkillCategory } from '@him/contracts';

@Entity('skill')
export class SkillEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'department_id' }) departmentId!: string;
  @Column('text') name!: string;
  @Column('text') category!: SkillCategory;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('int', { name: 'reassess_months', nullable: true }) reassessMonths!: number | null;
  @Column('int') version!: number;
}
