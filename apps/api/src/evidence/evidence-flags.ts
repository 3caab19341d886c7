import type { EvidenceOwnerKind } from '@him/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Which of these records have at least one evidence file: one query for a whole page of
 * credentials or CE activities (their `hasEvidence`), never one per row.
 */
export async function ownersWithEvidence(
  em: EntityManager,
  kind: EvidenceOwnerKind,
  ownerIds: readonly string[],
): Promise<Set<string>> {
  if (ownerIds.length === 0) return new Set();
  const column = kind === 'credential' ? 'credential_id' : 'ce_activity_id';
  const rows: { id: string }[] = await em.query(
    `SELECT DISTINCT ${column} AS id FROM evidence_file WHERE ${column} = ANY($1::uuid[])`,
    [ownerIds],
  );
  return new Set(rows.map((row) => row.id));
}
