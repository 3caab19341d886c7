import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** `DELETE ...?note=`: why, kept in the audit trail (every catalog delete takes it). */
export class DeleteQuery {
  @ApiPropertyOptional({ description: 'why (kept in the audit trail)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
