import { randomUUID } from 'node:crypto';
import type { ImportFieldChange, VerificationMethod } from '@him/contracts';
import type { AccessPolicy } from '../../auth/access-policy';
import { credentialDatesProblems } from '../../credentials/credential-dates';
import { CreateCredentialDto } from '../../credentials/credential.dto';
import { CredentialEntity } from '../../credentials/credential.entity';
import { toCredential } from '../../credentials/credentials.service';
import { insertRows, updateVersionedRows } from '../batch-sql';
import {
  change,
  duplicateOf,
  importNote,
  knownNames,
  memberOf,
  membersByEmployeeId,
  type ApplyContext,
  type ImportContext,
  type ImportHandler,
  type ImportPlan,
  type PlannedChange,
} from '../import-kind';
import type { ImportRow } from '../import-row';

interface CredentialTypeRef {
  id: string;
  code: string;
  name: string;
}

interface StoredCredential extends CredentialEntity {
  holderName: string;
  holderEmployeeId: string | null;
}

interface CredentialPayload {
  before: CredentialEntity | null;
  after: CredentialEntity;
}

/**
 * Credential rows, matched by (credential type, number) among the department's live
 * credentials, as the database's unique index matches them. Verification recorded by an
 * import names the importing user as the verifier, as `POST /staff/:id/credentials` does.
 */
export class CredentialImport implements ImportHandler<CredentialPayload> {
  readonly kind = 'credentials' as const;
  readonly example = {
    employeeId: 'E-10442',
    credentialType: 'CCS',
    number: '12345678',
    issuedOn: new Date(Date.UTC(2024, 6, 1)),
    expiresOn: new Date(Date.UTC(2026, 5, 30)),
    verificationMethod: 'primary-source',
    verifiedOn: new Date(Date.UTC(2024, 6, 15)),
    verificationReference: 'AHIMA credential verification, confirmation 88213',
  };

  constructor(private readonly access: AccessPolicy) {}

  async plan(ctx: ImportContext, rows: ImportRow[]): Promise<ImportPlan<CredentialPayload>> {
    const dept = ctx.user.departmentId;
    const types: CredentialTypeRef[] = await ctx.em.query(
      `SELECT id, code, name FROM credential_type WHERE department_id = $1`,
      [dept],
    );
    const typeByCode = new Map(types.map((t) => [t.code.trim().toUpperCase(), t]));
    const typeByName = new Map(types.map((t) => [t.name.trim().toLowerCase(), t]));
    const members = await membersByEmployeeId(ctx, rows);
    const numbers = [...new Set(rows.map((r) => r.text('number')).filter((n) => !!n))];
    const stored: StoredCredential[] = numbers.length
      ? await ctx.em.query(
          `SELECT c.id, c.department_id AS "departmentId", c.staff_id AS "staffId",
                  c.credential_type_id AS "credentialTypeId", c.number, c.issued_on AS "issuedOn",
                  c.expires_on AS "expiresOn", c.verification_method AS "verificationMethod",
                  c.verified_on AS "verifiedOn", c.verified_by_user_id AS "verifiedByUserId",
                  c.verification_note AS "verificationNote",
                  c.verification_reference AS "verificationReference", c.revoked_on AS "revokedOn",
                  c.revoked_reason AS "revokedReason", c.version,
                  s.name AS "holderName", s.employee_id AS "holderEmployeeId"
             FROM credential c JOIN staff s ON s.id = c.staff_id
            WHERE c.department_id = $1 AND c.number = ANY($2::text[])`,
          [dept, numbers],
        )
      : [];
    const live = new Map<string, StoredCredential>();
    const revoked = new Map<string, StoredCredential>();
    for (const c of stored) {
      (c.revokedOn === null ? live : revoked).set(`${c.credentialTypeId}|${c.number}`, c);
    }
    const seen = new Map<string, number>();

    const plan: ImportPlan<CredentialPayload> = { changes: [], errors: [] };
    for (const row of rows) {
      const member = memberOf(row, members);
      const typeText = row.required('credentialType');
      const type =
        typeText === undefined
          ? undefined
          : (typeByCode.get(typeText.toUpperCase()) ??
            typeByName.get(typeText.toLowerCase()) ??
            aliasOf(typeText, typeByCode));
      if (typeText !== undefined && !type) {
        row.fail(
          'credentialType',
          `no credential type with code or name "${typeText}"${knownNames(
            types.map((t) => t.code),
            'codes',
          )}`,
        );
      }
      const number = row.required('number');
      const issuedOn = row.date('issuedOn');
      if (issuedOn === undefined) row.fail('issuedOn', 'is required');
      const expiresOn = row.date('expiresOn') ?? null;
      const method = row
        .text('verificationMethod')
        ?.toLowerCase()
        .replace(/[\s_]+/g, '-');
      const verifiedOn = row.date('verifiedOn');
      if (method !== undefined && verifiedOn === undefined)
        row.fail('verifiedOn', `is required with a ${row.field('verificationMethod')}`);
      if (verifiedOn !== undefined && method === undefined)
        row.fail('verificationMethod', `is required with a ${row.field('verifiedOn')} date`);
      const reference = row.text('verificationReference');
      if (reference !== undefined && method === undefined)
        row.fail(
          'verificationReference',
          `is the source of a verification: give a ${row.field('verificationMethod')} with it`,
        );
      row.validate(
        CreateCredentialDto,
        {
          credentialTypeId: type?.id,
          number,
          issuedOn,
          expiresOn,
          verification: method || verifiedOn ? { method, verifiedOn, reference } : null,
        },
        {
          credentialTypeId: 'credentialType',
          verification: 'verificationMethod',
          'verification.method': 'verificationMethod',
          'verification.verifiedOn': 'verifiedOn',
          'verification.reference': 'verificationReference',
        },
      );
      // CredentialsService's rules beyond the DTO: who may verify, and the dates.
      if (method && member && !this.access.canVerifyCredential(ctx.user, member.id)) {
        row.fail(
          'verificationMethod',
          "you may not record the verification of this member's credential",
        );
      }
      row.failAll(
        credentialDatesProblems(
          {
            issuedOn: row.valid('issuedOn', issuedOn),
            expiresOn: row.valid('expiresOn', expiresOn),
            verifiedOn: row.valid('verifiedOn', verifiedOn),
          },
          ctx.today,
          (field) => row.field(field),
        ),
        { 'verification.verifiedOn': 'verifiedOn' },
      );

      const key = type && number ? `${type.id}|${number}` : undefined;
      const label = type && number ? `${type.code} ${number}` : '';
      if (key) duplicateOf(row, seen, key, 'number', `credential ${label}`);
      const before = key ? live.get(key) : undefined;
      if (before && member && before.staffId !== member.id) {
        row.fail(
          'employeeId',
          `credential ${label} belongs to ${before.holderName}${
            before.holderEmployeeId ? ` (employee ID ${before.holderEmployeeId})` : ''
          }; a credential cannot move to another member`,
        );
      }
      const revokedOne = key && !before ? revoked.get(key) : undefined;
      if (revokedOne) {
        row.fail(
          'number',
          `credential ${label} was revoked on ${revokedOne.revokedOn}; an import does not bring back a revoked credential (record a new one in the app)`,
        );
      }
      if (!row.ok || !member || !type || !number || !issuedOn) {
        plan.errors.push(...row.errors());
        continue;
      }

      // A column left out of the file keeps what is stored; a blank cell clears it.
      const keepExpiry = before && !row.has('expiresOn');
      const keepVerification =
        before &&
        !row.has('verificationMethod') &&
        !row.has('verifiedOn') &&
        !row.has('verificationReference');
      const sameVerification =
        before &&
        (before.verificationMethod ?? undefined) === method &&
        (before.verifiedOn ?? undefined) === verifiedOn;
      const after: CredentialEntity = Object.assign(new CredentialEntity(), {
        ...(before ?? {}),
        id: before?.id ?? randomUUID(),
        departmentId: dept,
        staffId: member.id,
        credentialTypeId: type.id,
        number,
        issuedOn,
        expiresOn: keepExpiry ? before.expiresOn : expiresOn,
        revokedOn: null,
        revokedReason: null,
        version: before ? before.version + 1 : 1,
      });
      delete (after as Partial<StoredCredential>).holderName;
      delete (after as Partial<StoredCredential>).holderEmployeeId;
      if (!keepVerification && !sameVerification) {
        after.verificationMethod = (method as VerificationMethod | undefined) ?? null;
        after.verifiedOn = verifiedOn ?? null;
        after.verifiedByUserId = method ? ctx.user.id : null;
        after.verificationNote = null;
        after.verificationReference = method ? (reference ?? null) : null;
      } else if (sameVerification && method && row.has('verificationReference')) {
        // the same verification, its source added or corrected: the verifier stays who it was
        after.verificationReference = reference ?? null;
      }
      const changes: ImportFieldChange[] = [];
      if (before) {
        change(changes, 'Issued on', before.issuedOn, after.issuedOn);
        change(changes, 'Expires on', before.expiresOn, after.expiresOn);
        change(changes, 'Verification method', before.verificationMethod, after.verificationMethod);
        change(changes, 'Verified on', before.verifiedOn, after.verifiedOn);
        change(
          changes,
          'Verification source',
          before.verificationReference,
          after.verificationReference,
        );
      }
      plan.changes.push({
        line: row.line,
        action: !before ? 'create' : changes.length > 0 ? 'update' : 'unchanged',
        key: label,
        values: {
          'Employee ID': member.employeeId,
          'Credential type (code)': type.code,
          Number: number,
          'Issued on': after.issuedOn,
          'Expires on': after.expiresOn,
          'Verification method': after.verificationMethod,
          'Verified on': after.verifiedOn,
          'Verification source': after.verificationReference,
        },
        changes,
        payload: { before: before ?? null, after },
      });
    }
    return plan;
  }

  async apply(ctx: ApplyContext, changes: PlannedChange<CredentialPayload>[]): Promise<void> {
    const updates = changes.filter((c) => c.action === 'update');
    const creates = changes.filter((c) => c.action === 'create');
    await updateVersionedRows(
      ctx.em,
      'credential',
      'credential',
      [
        'issued_on::date',
        'expires_on::date',
        'verification_method::text',
        'verified_on::date',
        'verified_by_user_id::uuid',
        'verification_note::text',
        'verification_reference::text',
      ],
      updates.map(({ payload: { before, after } }) => [
        after.id,
        (before as CredentialEntity).version,
        after.issuedOn,
        after.expiresOn,
        after.verificationMethod,
        after.verifiedOn,
        after.verifiedByUserId,
        after.verificationNote,
        after.verificationReference,
      ]),
    );
    await insertRows(
      ctx.em,
      'credential',
      [
        'id::uuid',
        'department_id::uuid',
        'staff_id::uuid',
        'credential_type_id::uuid',
        'number::text',
        'issued_on::date',
        'expires_on::date',
        'verification_method::text',
        'verified_on::date',
        'verified_by_user_id::uuid',
        'verification_reference::text',
        'version::int',
      ],
      creates.map(({ payload: { after } }) => [
        after.id,
        after.departmentId,
        after.staffId,
        after.credentialTypeId,
        after.number,
        after.issuedOn,
        after.expiresOn,
        after.verificationMethod,
        after.verifiedOn,
        after.verifiedByUserId,
        after.verificationReference ?? null,
        1,
      ]),
    );
    for (const c of changes) {
      const { before, after } = c.payload;
      ctx.audit.add({
        action: before ? 'update' : 'create',
        entity: 'credential',
        entityId: after.id,
        ...(before ? { before: toCredential(before) } : {}),
        after: toCredential(after),
        note: importNote(ctx, c.line),
      });
    }
  }
}

/**
 * Codes a spreadsheet may still carry for a type the catalog now names otherwise: NCRA's CTR
 * became the ODS (Oncology Data Specialist), whose credential is also written ODS-C. Used only
 * when no type of the department has the code itself.
 */
export const CREDENTIAL_CODE_ALIASES: Readonly<Record<string, string>> = {
  CTR: 'ODS',
  'ODS-C': 'ODS',
};

function aliasOf<T>(typeText: string, typeByCode: Map<string, T>): T | undefined {
  const alias = CREDENTIAL_CODE_ALIASES[typeText.trim().toUpperCase()];
  return alias === undefined ? undefined : typeByCode.get(alias);
}
