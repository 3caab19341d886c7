/**
 * The demo department: a believable hospital HIM department (Riverside Regional Medical
 * Center) with its catalog, people, credentials, assessments and CE log.
 *
 * `buildDemoDepartment(today)` is pure and deterministic: every date is an offset from
 * `today`, so the demo always looks live (credentials lapse next week, CE cycles end next
 * month) whatever day it is seeded. The data lives in `demo/` (catalog, roles and teams,
 * people, credentials, assessments, CE log), as offsets in days; this builder turns them into
 * dates with libs/domain's calendar arithmetic. Records refer to each other by symbolic keys;
 * the loader (`seed-demo.ts`) turns them into ids.
 *
 * Sources: `shared/seed/him-careers-article.txt` for roles and skills (its claim that AAPC
 * offers the CCS is wrong: the CCS is AHIMA's) and `shared/spec/credentials.md` for the
 * credential types, CE rules and the credentials typical of each role.
 */
import type { IsoDate } from '@him/contracts';
import { addDays, addMonthsClamped, daysBetween, isIsoDate, maxDate, minDate } from '@him/domain';
import { ASSESSMENT_OVERRIDES } from './demo/assessments';
import { AAPC, AHIMA, CE_RULES, CREDENTIAL_TYPES, NCRA, SKILLS } from './demo/catalog';
import { ceSeeds } from './demo/continuing-education';
import { CREDENTIALS } from './demo/credentials';
import {
  demoCredentialKey,
  type DemoAssessment,
  type DemoCeActivity,
  type DemoCredential,
  type DemoDepartment,
  type DemoRequirement,
  type DemoStaff,
} from './demo/model';
import { DEMO_ACCOUNTS, EMAIL_DOMAIN, STAFF } from './demo/people';
import { ROLES, TEAMS } from './demo/roles-and-teams';
import { stableHash } from './demo/spread';

export * from './demo/model';

/** The demo department as of `today` (YYYY-MM-DD); the same `today` always gives the same data. */
export function buildDemoDepartment(today: IsoDate): DemoDepartment {
  if (!isIsoDate(today)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${today}`);
  const daysAgo = (n: number) => addDays(today, -n);

  const staff: DemoStaff[] = STAFF.map((seed) => ({
    key: seed.key,
    name: seed.name,
    email: seed.email ?? workEmail(seed.name),
    employeeId: seed.employeeId,
    teamKey: seed.teamKey,
    roleKey: seed.roleKey,
    status: seed.status ?? 'active',
    hireDate: daysAgo(seed.hiredDaysAgo),
  }));
  const hireDates = new Map(staff.map((member) => [member.key, member.hireDate]));

  const credentials: DemoCredential[] = CREDENTIALS.map((seed) => {
    const issuedOn = daysAgo(seed.issuedDaysAgo);
    const expiresOn =
      seed.expiresInDays === null
        ? null
        : seed.expiresInDays === 'first-cycle'
          ? addMonthsClamped(issuedOn, 24)
          : addDays(today, seed.expiresInDays);
    const credential: DemoCredential = {
      key: demoCredentialKey(seed.staffKey, seed.code),
      staffKey: seed.staffKey,
      code: seed.code,
      number: credentialNumber(seed.staffKey, seed.code),
      issuedOn,
      expiresOn,
      verification: seed.verification && {
        method: seed.verification,
        verifiedOn: verifiedOn(
          today,
          issuedOn,
          expiresOn,
          hireDates.get(seed.staffKey) ?? issuedOn,
        ),
      },
    };
    if (seed.revoked) {
      credential.revokedOn = daysAgo(seed.revoked.daysAgo);
      credential.revokedReason = seed.revoked.reason;
    }
    return credential;
  });

  const ceActivities: DemoCeActivity[] = ceSeeds().map((seed) => {
    const completedOn = daysAgo(seed.daysAgo);
    const { title, provider, categories } = seed.source;
    return {
      staffKey: seed.staffKey,
      title: typeof title === 'string' ? title : title(completedOn),
      provider,
      completedOn,
      hours: seed.hours,
      categories: [...categories],
      credentialKeys: (seed.forCodes ?? []).map((code) => demoCredentialKey(seed.staffKey, code)),
      status: seed.status ?? 'approved',
      ...(seed.reviewNote ? { reviewNote: seed.reviewNote } : {}),
    };
  });

  const users = DEMO_ACCOUNTS.map((account) => ({ ...account }));

  return {
    department: {
      name: 'Riverside Regional Medical Center — Health Information Management',
      timeZone: 'America/Chicago',
      requireVerification: false,
      expiryWarningDays: 90,
      reminderLeadDays: [90, 60, 30, 7],
      // Joint Commission HR.01.06.01: competence assessed at least every three years
      assessmentValidityMonths: 36,
    },
    skills: SKILLS.map((s) => ({ ...s })),
    credentialTypes: CREDENTIAL_TYPES.map((t) => ({
      ...t,
      evidencesSkills: t.evidencesSkills.map((e) => ({ ...e })),
      ...(t.supersedesCodes ? { supersedesCodes: [...t.supersedesCodes] } : {}),
    })),
    ceRules: CE_RULES.map((r) => ({
      ...r,
      minimums: r.minimums.map((m) => ({ ...m, categories: [...m.categories] })),
      afterLapse: r.afterLapse.map((step) => ({ ...step })),
    })),
    roles: ROLES.map((r) => ({ ...r, requirements: r.requirements.map(copyRequirement) })),
    teams: TEAMS.map((t) => ({
      ...t,
      managerStaffKeys: [...t.managerStaffKeys],
      coverageTargets: t.coverageTargets.map((c) => ({
        requirement: copyRequirement(c.requirement),
        minHolders: c.minHolders,
      })),
    })),
    staff,
    credentials,
    assessments: buildAssessments(today, staff),
    ceActivities,
    users,
  };
}

/**
 * Primary-source checks happen at hire and at each renewal (Joint Commission HR.01.01.01):
 * the latest of hire, exam and start of the current cycle, a week later, never after today.
 */
function verifiedOn(
  today: IsoDate,
  issuedOn: IsoDate,
  expiresOn: IsoDate | null,
  hireDate: IsoDate,
): IsoDate {
  const cycleStart = expiresOn ? addDays(addMonthsClamped(expiresOn, -24), 1) : issuedOn;
  const checked = addDays(maxDate(maxDate(issuedOn, hireDate), cycleStart), 7);
  return maxDate(issuedOn, minDate(checked, today));
}

function copyRequirement(requirement: DemoRequirement): DemoRequirement {
  return requirement.kind === 'skill'
    ? { ...requirement }
    : { ...requirement, anyOfCodes: [...requirement.anyOfCodes] };
}

/** first.last, lower case, without accents or apostrophes. */
function workEmail(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z\s-]/g, '');
  const parts = ascii.split(/\s+/).filter(Boolean);
  return `${parts[0]}.${parts[parts.length - 1]}@${EMAIL_DOMAIN}`;
}

/** Numbers as the bodies print them; AHIMA and AAPC give a holder one id for all their credentials. */
function credentialNumber(staffKey: string, code: string): string {
  const body = CREDENTIAL_TYPES.find((type) => type.code === code)?.issuingBody;
  const spread = stableHash(`${body}:${staffKey}`);
  switch (body) {
    case AHIMA:
      return String(1_000_000 + (spread % 9_000_000));
    case AAPC:
      return String(spread % 100_000_000).padStart(8, '0');
    case NCRA:
      return String(10_000 + (spread % 90_000));
    default:
      return `${code}-${10_000 + (spread % 40_000)}`;
  }
}

function buildAssessments(today: IsoDate, staff: DemoStaff[]): DemoAssessment[] {
  const rolesByKey = new Map(ROLES.map((role) => [role.key, role]));
  const assessments: DemoAssessment[] = [];
  for (const member of staff) {
    const role = rolesByKey.get(member.roleKey);
    if (!role) continue;
    const hiredDaysAgo = daysBetween(member.hireDate, today);
    for (const requirement of role.requirements) {
      if (requirement.kind !== 'skill') continue;
      const { skillKey, minLevel } = requirement;
      const override = ASSESSMENT_OVERRIDES[member.key]?.[skillKey] ?? {};
      const managerLevel = override.manager ?? minLevel;
      const selfLevel = override.self ?? managerLevel;
      const spread = stableHash(`${member.key}/${skillKey}`);
      // annual self-review about a year ago (or soon after hire), manager review since
      const selfDaysAgo = override.daysAgo ?? Math.min(330 + (spread % 60), hiredDaysAgo - 14);
      const managerDaysAgo =
        override.daysAgo ??
        (override.sameDay
          ? Math.min(55 + (spread % 30), hiredDaysAgo - 30)
          : Math.min(40 + (spread % 150), hiredDaysAgo - 30));
      if (hiredDaysAgo > 700) {
        // the review before last, for the two-year history
        assessments.push({
          staffKey: member.key,
          skillKey,
          level: spread % 3 === 0 ? Math.max(1, managerLevel - 1) : managerLevel,
          assessedOn: addDays(today, -(640 + (spread % 60))),
          source: 'manager',
        });
      }
      if (override.sameDay) {
        assessments.push({
          staffKey: member.key,
          skillKey,
          level: selfLevel,
          assessedOn: addDays(today, -managerDaysAgo),
          source: 'self',
        });
      } else {
        assessments.push({
          staffKey: member.key,
          skillKey,
          level: selfLevel,
          assessedOn: addDays(today, -selfDaysAgo),
          source: 'self',
        });
      }
      assessments.push({
        staffKey: member.key,
        skillKey,
        level: managerLevel,
        assessedOn: addDays(today, -managerDaysAgo),
        source: 'manager',
        ...(override.note ? { note: override.note } : {}),
      });
    }
  }
  return assessments;
}
