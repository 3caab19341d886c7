import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AfterLapseStep, CeMinimum } from '@him/contracts';
import { numericTransformer } from '../common/columns';

@Entity('ce_rule')
export class CeRuleEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'department_id' }) departmentId!: string;
  @Column('text', { name: 'issuing_body' }) issuingBody!: string;
  @Column('int', { name: 'cycle_months' }) cycleMonths!: number;
  @Column('numeric', {
    name: 'extra_per_additional',
    precision: 6,
    scale: 2,
    transformer: numericTransformer,
  })
  extraPerAdditional!: number;
  @Column('numeric', { precision: 6, scale: 2, nullable: true, transformer: numericTransformer })
  cap!: number | null;
  @Column('jsonb') minimums!: CeMinimum[];
  @Column('jsonb', { name: 'after_lapse' }) afterLapse!: AfterLapseStep[];
  @Column('int') version!: number;
}
