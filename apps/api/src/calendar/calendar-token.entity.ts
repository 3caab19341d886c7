import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CalendarTokenScope } from '@him/contracts';

/** A calendar feed token: only the SHA-256 of its secret is kept. */
@Entity('calendar_token')
export class CalendarTokenEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'department_id' }) departmentId!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('text', { nullable: true }) label!: string | null;
  @Column('text') scope!: CalendarTokenScope;
  @Column('bytea', { name: 'token_hash', select: false }) tokenHash!: Buffer;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'last_used_at', nullable: true }) lastUsedAt!: Date | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column('uuid', { name: 'revoked_by_user_id', nullable: true }) revokedByUserId!: string | null;
}
