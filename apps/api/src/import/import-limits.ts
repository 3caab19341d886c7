import { EnvError } from '../config/env';

/** Limits of one import (docs/import.md). */
export interface ImportLimits {
  /** largest upload in bytes; larger answers 413 (IMPORT_MAX_BYTES, default 20 MB) */
  maxBytes: number;
  /** most data rows in one file; more answers 400 */
  maxRows: number;
  /**
   * an XLSX may really inflate to at most this many bytes, counted as it inflates whatever the ZIP
   * declares (a ZIP bomb answers 400, not an out-of-memory); 50,000 rows of 12 columns are ~30 MB
   */
  maxUnpackedBytes: number;
  /** problems listed in an answer; `errorCount` counts them all */
  maxErrorsListed: number;
  /** planned changes shown in `preview` */
  previewSize: number;
}

export const IMPORT_LIMITS = Symbol('IMPORT_LIMITS');

const MB = 1024 * 1024;

/**
 * Read at boot, failing fast with the variable's name (STYLE.md): the shared `Env` belongs to
 * the whole server, so the import's own setting is read here, beside the feature that uses it.
 */
export function importLimitsFromEnv(raw: Record<string, string | undefined>): ImportLimits {
  const value = raw['IMPORT_MAX_BYTES'];
  let maxBytes = 20 * MB;
  if (value !== undefined && value !== '') {
    if (!/^\d+$/.test(value) || Number(value) < 1024 || Number(value) > 200 * MB) {
      throw new EnvError(
        `IMPORT_MAX_BYTES must be an integer between 1024 and ${200 * MB} (got "${value}")`,
      );
    }
    maxBytes = Number(value);
  }
  return {
    maxBytes,
    maxRows: 50_000,
    maxUnpackedBytes: Math.max(64 * MB, maxBytes * 3),
    maxErrorsListed: 1000,
    previewSize: 20,
  };
}

export function megabytes(bytes: number): string {
  const mb = bytes / MB;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
