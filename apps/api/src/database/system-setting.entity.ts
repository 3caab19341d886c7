import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Installation-wide values the server generates once (the token signing secret). */
@Entity('system_setting')
export class SystemSettingEntity {
  @PrimaryColumn('text') key!: string;
  @Column('text') value!: string;
}
