import { Readable, Transform, type TransformCallback, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { ComplianceReport, ReportCredential, ReportMember } from './compliance-report';
import { CSV_OPTIONS } from '../common/csv';

type CsvValue = string | number | null;

interface CsvColumn {
  header: string;
  value: (member: ReportMember, credential: ReportCredential | null) => CsvValue;
}

const yesNo = (value: boolean | undefined | null): string | null =>
  value === undefined || value === null ? null : value ? 'yes' : 'no';

/**
 * One row per member-credential (a member without credentials gets one row with the credential
 * columns empty). The header facts (department, scope, asOf, generated at and by) are not in the
 * file: it is pure data whose first line is the header row; they travel in the file name and the
 * response headers (docs/reports.md).
 */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  { header: 'Member', value: (m) => m.name },
  { header: 'Employee ID', value: (m) => m.employeeId ?? null },
  { header: 'Team', value: (m) => m.teamName },
  { header: 'Role', value: (m) => m.roleName },
  { header: 'Status', value: (m) => m.statusText },
  { header: 'Ready', value: (m) => yesNo(m.readiness?.ready) },
  { header: 'Requirements met', value: (m) => m.readiness?.met ?? null },
  { header: 'Requirements total', value: (m) => m.readiness?.total ?? null },
  { header: 'Missing requirements', value: (m) => m.readiness?.missing.join('; ') ?? null },
  { header: 'Credential code', value: (_, c) => c?.code ?? null },
  { header: 'Credential name', value: (_, c) => c?.name ?? null },
  { header: 'Credential number', value: (_, c) => c?.number ?? null },
  { header: 'Credential status', value: (_, c) => c?.status ?? null },
  { header: 'Days to expiry', value: (_, c) => c?.daysToExpiry ?? null },
  { header: 'Verified', value: (_, c) => (c ? yesNo(c.verified) : null) },
  {
    header: 'Counts toward readiness',
    value: (_, c) => (c ? yesNo(c.countsTowardReadiness) : null),
  },
  { header: 'Verification method', value: (_, c) => c?.verification?.method ?? null },
  { header: 'Verified on', value: (_, c) => c?.verification?.verifiedOn ?? null },
  { header: 'Verified by', value: (_, c) => c?.verification?.verifiedBy ?? null },
  { header: 'Issued on', value: (_, c) => c?.issuedOn ?? null },
  { header: 'Expires on', value: (_, c) => c?.expiresOn ?? null },
  { header: 'Revoked on', value: (_, c) => c?.revokedOn ?? null },
  { header: 'CE body', value: (_, c) => c?.ceGroup?.issuingBody ?? null },
  { header: 'CE cycle end', value: (_, c) => c?.ceGroup?.cycleEnd ?? null },
  { header: 'CE required', value: (_, c) => c?.ceGroup?.required ?? null },
  { header: 'CE earned', value: (_, c) => c?.ceGroup?.earned ?? null },
  { header: 'CE pending', value: (_, c) => c?.ceGroup?.pending ?? null },
  { header: 'CE remaining', value: (_, c) => c?.ceGroup?.remaining ?? null },
  { header: 'CE status', value: (_, c) => c?.ceGroup?.status ?? null },
];

/** The CSV's records, produced member by member as the stream asks for them. */
export function* csvRecords(report: ComplianceReport): Generator<CsvValue[]> {
  for (const member of report.members) {
    if (member.credentials.length === 0) {
      yield CSV_COLUMNS.map((column) => column.value(member, null));
      continue;
    }
    for (const credential of member.credentials) {
      yield CSV_COLUMNS.map((column) => column.value(member, credential));
    }
  }
}

/**
 * Streams the CSV into `out` as every CSV of the product is written (CSV_OPTIONS: a byte order
 * mark, every field quoted, every text neutralised against formula injection, CRLF line ends).
 * `Readable.from` pulls the next record only when csv-stringify and the response can take it,
 * so a 10,000-member report never sits in memory as text; pipeline tears everything down if the
 * client goes away.
 */
export async function renderCsv(report: ComplianceReport, out: Writable): Promise<void> {
  await pipeline(
    Readable.from(csvRecords(report)),
    stringify({
      ...CSV_OPTIONS,
      header: true,
      columns: CSV_COLUMNS.map((column, index) => ({ key: String(index), header: column.header })),
    }),
    coalesce(CHUNK_BYTES),
    out,
  );
}

/** About what one TCP send carries well; csv-stringify emits one small chunk per record. */
const CHUNK_BYTES = 32 * 1024;

/**
 * Gathers the stringifier's many small chunks (one per record) into chunks of about `size`
 * bytes, so the response is written in a few hundred writes rather than one per row.
 */
function coalesce(size: number): Transform {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  return new Transform({
    transform(chunk: Buffer | string, _encoding: BufferEncoding, callback: TransformCallback) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      pending.push(buffer);
      pendingBytes += buffer.length;
      if (pendingBytes >= size) {
        const joined = Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        callback(null, joined);
      } else callback();
    },
    flush(callback: TransformCallback) {
      callback(null, pendingBytes > 0 ? Buffer.concat(pending, pendingBytes) : undefined);
    },
  });
}
