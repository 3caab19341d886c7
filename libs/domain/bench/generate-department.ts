/**
 * A large, deterministic department for benchmarks: the same seed gives the same data on every
 * machine, so timings are comparable between runs.
 */
import type { Requirement } from '@him/contracts';
import type {
  AssessmentFacts,
  CeActivityFacts,
  CeFacts,
  CeRuleFacts,
  CredentialFacts,
  CredentialTypeFacts,
  DepartmentFacts,
  RoleFacts,
  SkillFacts,
  StaffFacts,
  TeamFacts,
} from '../src';
import { addDays, DEFAULT_AFTER_LAPSE } from '../src';
import { CE_RULES } from '../src/testing/fixtures';

export interface DepartmentSize {
  staff: number;
  credentialsPerMember: number;
  assessmentsPerMember: number;
  activitiesPerMember: number;
  teams: number;
  roles: number;
  skills: number;
  credentialTypes: number;
}

export const LARGE_DEPARTMENT: DepartmentSize = {
  staff: 10_000,
  credentialsPerMember: 3,
  assessmentsPerMember: 10,
  activitiesPerMember: 4,
  teams: 12,
  roles: 15,
  skills: 30,
  credentialTypes: 20,
};

/** mulberry32: a tiny seeded generator, good enough for test data. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedDepartment {
  facts: DepartmentFacts;
  ce: CeFacts;
  skills: { id: string; name: string; category: 'technical' | 'regulatory' | 'soft' }[];
}

export function generateDepartment(
  asOf: string,
  size: DepartmentSize = LARGE_DEPARTMENT,
  seed = 20260315,
): GeneratedDepartment {
  const random = seeded(seed);
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const id = (prefix: string, n: number) => `${prefix}-${String(n).padStart(6, '0')}`;

  const categories = ['technical', 'regulatory', 'soft'] as const;
  const skills = Array.from({ length: size.skills }, (_, i) => ({
    id: id('skill', i),
    name: `Skill ${i}`,
    category: categories[i % 3],
  }));
  const bodies = ['AHIMA', 'AAPC', 'NCRA', 'ACDIS'];
  const credentialTypes: CredentialTypeFacts[] = Array.from(
    { length: size.credentialTypes },
    (_, i) => ({
      id: id('type', i),
      code: `T${i}`,
      issuingBody: bodies[i % bodies.length],
      baseCeus: pick([20, 30, 36]),
      evidencesSkills: Array.from({ length: 1 + int(3) }, () => ({
        skillId: pick(skills).id,
        level: 2 + int(3),
      })),
      // R12: every fifth type supersedes the next type of its body (as RHIA supersedes RHIT)
      supersedes:
        i % 5 === 0 && i + bodies.length < size.credentialTypes
          ? [id('type', i + bodies.length)]
          : [],
    }),
  );
  // R2: every third skill is reassessed yearly (HIPAA training); the others every 36 months
  const skillFacts: SkillFacts[] = skills.map((skill, i) => ({
    id: skill.id,
    name: skill.name,
    reassessMonths: i % 3 === 0 ? 12 : null,
  }));
  const skillRequirement = (): Requirement => ({
    kind: 'skill',
    skillId: pick(skills).id,
    minLevel: 1 + int(3),
  });
  let credentialRequirements = 0;
  const credentialRequirement = (): Requirement => ({
    kind: 'credential',
    anyOf: Array.from({ length: 1 + int(2) }, () => pick(credentialTypes).id),
    // R5: every third credential requirement asks for a primary-source verification
    ...(credentialRequirements++ % 3 === 0 ? { verifiedOnly: true } : {}),
  });
  const requirement = () => (random() < 0.75 ? skillRequirement() : credentialRequirement());
  const roles: RoleFacts[] = Array.from({ length: size.roles }, (_, i) => ({
    id: id('role', i),
    requirements: i === 0 ? [] : Array.from({ length: 1 + int(4) }, requirement),
  }));
  const teams: TeamFacts[] = Array.from({ length: size.teams }, (_, i) => ({
    id: id('team', i),
    name: `Team ${i}`,
    coverageTargets: Array.from({ length: 3 + int(5) }, () => ({
      requirement: requirement(),
      minHolders: 1 + int(20),
    })),
  }));

  const staff: StaffFacts[] = [];
  const credentials: CredentialFacts[] = [];
  const assessments: AssessmentFacts[] = [];
  const activities: CeActivityFacts[] = [];
  for (let s = 0; s < size.staff; s++) {
    const staffId = id('staff', s);
    const roll = random();
    staff.push({
      id: staffId,
      name: `Member ${int(size.staff)} ${s}`,
      teamId: pick(teams).id,
      roleId: pick(roles).id,
      status: roll < 0.9 ? 'active' : roll < 0.95 ? 'leave' : 'terminated',
    });
    const memberCredentials: string[] = [];
    for (let c = 0; c < size.credentialsPerMember; c++) {
      const issuedOn = addDays(asOf, -int(3000));
      const expiresOn = random() < 0.1 ? null : addDays(asOf, int(900) - 200);
      const credentialId = id(`cred-${s}`, c);
      // verified ten days after issue (not yet on asOf when issued in the last ten days)
      const verifiedOn =
        random() < 0.8 && addDays(issuedOn, 10) <= asOf ? addDays(issuedOn, 10) : null;
      memberCredentials.push(credentialId);
      credentials.push({
        id: credentialId,
        staffId,
        credentialTypeId: pick(credentialTypes).id,
        number: null,
        issuedOn,
        expiresOn: expiresOn !== null && expiresOn < issuedOn ? issuedOn : expiresOn,
        revokedOn: random() < 0.02 ? addDays(asOf, int(200) - 100) : null,
        verified: verifiedOn !== null,
        verifiedOn,
      });
    }
    for (let a = 0; a < size.assessmentsPerMember; a++) {
      const assessedOn = addDays(asOf, 30 - int(1100));
      assessments.push({
        staffId,
        skillId: pick(skills).id,
        level: 1 + int(4),
        assessedOn,
        source: random() < 0.5 ? 'manager' : 'self',
        recordedAt: `${assessedOn}T${String(8 + int(10)).padStart(2, '0')}:00:00Z`,
      });
    }
    for (let a = 0; a < size.activitiesPerMember; a++) {
      const roll2 = random();
      activities.push({
        id: id(`act-${s}`, a),
        staffId,
        completedOn: addDays(asOf, -int(800)),
        hours: (1 + int(1200)) / 100,
        categories: random() < 0.6 ? ['hiim-domain'] : ['ahima-provided', 'ctr-category-a'],
        credentialIds: random() < 0.2 ? [pick(memberCredentials)] : [],
        status: roll2 < 0.8 ? 'approved' : roll2 < 0.95 ? 'submitted' : 'rejected',
      });
    }
  }

  const settings = {
    requireVerification: false,
    expiryWarningDays: 90,
    assessmentValidityMonths: 36,
  };
  // the rule tests' AHIMA, AAPC and NCRA rules, and one for ACDIS
  const ceRules: CeRuleFacts[] = [
    ...CE_RULES,
    {
      issuingBody: 'ACDIS',
      cycleMonths: 24,
      extraPerAdditional: 0,
      cap: null,
      minimums: [],
      afterLapse: DEFAULT_AFTER_LAPSE['ACDIS'],
    },
  ];
  return {
    skills,
    facts: {
      settings,
      skills: skillFacts,
      staff,
      roles,
      teams,
      credentialTypes,
      credentials,
      assessments,
    },
    ce: { settings, staff, credentialTypes, credentials, ceRules, activities },
  };
}
