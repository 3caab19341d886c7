import { IsAuditNote } from './dto-fields';

/** `DELETE ...?note=`: why, kept in the audit trail (every catalog delete takes it). */
export class DeleteQuery {
  @IsAuditNote()
  note?: string;
}
