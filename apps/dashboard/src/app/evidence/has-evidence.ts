/**
 * A list after an attached or deleted file flipped one record's `hasEvidence` (a credential,
 * a CE activity); nothing else of the record changes, so nothing is loaded again.
 */
export function withEvidenceOf<T extends { id: string; hasEvidence: boolean }>(
  records: readonly T[],
  changed: Pick<T, 'id' | 'hasEvidence'>,
): T[] {
  return records.map((record) =>
    record.id === changed.id ? { ...record, hasEvidence: changed.hasEvidence } : record,
  );
}
