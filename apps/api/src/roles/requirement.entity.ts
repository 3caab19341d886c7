import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';

/**
 * One requirement row serves both a role's requirements (role_id set) and a team's
 * coverage targets (team_id and min_holders set), so skills and credential types are
 * protected by foreign keys wherever they are required.
 */
@Entity('requirement')
export class RequirementEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'department_id' }) departmentId!: string;
  @Column('uuid', { name: 'role_id', nullable: true }) roleId!: string | null;
  @Column('uuid', { name: 'team_id', nullable: true }) teamId!: string | null;
  @Column('int') position!: number;
  @Column('text') kind!: 'skill' | 'credential';
  @Column('uuid', { name: 'skill_id', nullable: true }) skillId!: string | null;
  @Column('smallint', { name: 'min_level', nullable: true }) minLevel!: number | null;
  @Column('int', { name: 'min_holders', nullable: true }) minHolders!: number | null;
  /** R5: a credential requirement only a verified credential meets */
  @Column('boolean', { name: 'verified_only' }) verifiedOnly!: boolean;
  @OneToMany(() => RequirementCredentialTypeEntity, (e) => e.requirement, {
    cascade: true,
    eager: true,
  })
  credentialTypes!: RequirementCredentialTypeEntity[];
}

@Entity('requirement_credential_type')
export class RequirementCredentialTypeEntity {
  @PrimaryColumn('uuid', { name: 'requirement_id' }) requirementId!: string;
  @PrimaryColumn('uuid', { name: 'credential_type_id' }) credentialTypeId!: string;
  @ManyToOne(() => RequirementEntity, (r) => r.credentialTypes, {
    onDelete: 'CASCADE',
    orphanedRowAction: 'delete',
  })
  @JoinColumn({ name: 'requirement_id' })
  requirement!: RequirementEntity;
}
