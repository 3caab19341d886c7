import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { numericTransformer } from '../common/columns';

@Entity('credential_type')
export class CredentialTypeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'department_id' }) departmentId!: string;
  @Column('text') code!: string;
  @Column('text') name!: string;
  @Column('text', { name: 'issuing_body' }) issuingBody!: string;
  @Column('numeric', { name: 'base_ceus', precision: 6, scale: 2, transformer: numericTransformer })
  baseCeus!: number;
  @Column('int') version!: number;
  @OneToMany(() => CredentialTypeSkillEntity, (e) => e.credentialType, {
    cascade: true,
    eager: true,
  })
  evidencesSkills!: CredentialTypeSkillEntity[];
  @OneToMany(() => CredentialTypeSupersessionEntity, (e) => e.credentialType, {
    cascade: true,
    eager: true,
  })
  supersessions!: CredentialTypeSupersessionEntity[];
}

@Entity('credential_type_skill')
export class CredentialTypeSkillEntity {
  @PrimaryColumn('uuid', { name: 'credential_type_id' }) credentialTypeId!: string;
  @PrimaryColumn('uuid', { name: 'skill_id' }) skillId!: string;
  @Column('smallint') level!: number;
  @ManyToOne(() => CredentialTypeEntity, (t) => t.evidencesSkills, {
    onDelete: 'CASCADE',
    orphanedRowAction: 'delete',
  })
  @JoinColumn({ name: 'credential_type_id' })
  credentialType!: CredentialTypeEntity;
}

/** R12: a credential type supersedes another of its department (RHIA supersedes RHIT). */
@Entity('credential_type_supersession')
export class CredentialTypeSupersessionEntity {
  @PrimaryColumn('uuid', { name: 'credential_type_id' }) credentialTypeId!: string;
  @PrimaryColumn('uuid', { name: 'superseded_type_id' }) supersededTypeId!: string;
  @ManyToOne(() => CredentialTypeEntity, (t) => t.supersessions, {
    onDelete: 'CASCADE',
    orphanedRowAction: 'delete',
  })
  @JoinColumn({ name: 'credential_type_id' })
  credentialType!: CredentialTypeEntity;
}
