'use strict';
// A generated health system for the bench and the large tests (issue 13): one or more HIM
// departments with their catalog, teams of about 50, staff, credentials, CE and assessments,
// written with COPY into a database migrated with the real migrations. Deterministic: the same
// options (seed included) give the same rows, ids included. Dates spread around a fixed
// "today", so there are expiring, expired, current and not-yet-valid credentials, CE groups in
// every status, and readiness that is neither 0 nor 100%.
//
// At --staff 10000 (scale 1): 200 teams, 60 roles, 150 skills, 20 credential types, 25,000
// credentials, 200,000 CE activities and 300,000 assessments; every count follows --scale.
// Catalog floors keep a small system real: at least the 46 real HIM skills, the 13 credential
// types of credentials.md and its 12 roles. Each department carries the whole catalog.
const { hash } = require('argon2');
const { Client } = require('pg');
const catalog = require('./catalog.cjs');
const { copyRows } = require('./copy.cjs');
const { credentialImportCsv, staffImportCsv } = require('./import-files.cjs');

const BASE_STAFF = 10_000;
/** Row counts at --staff 10000; each is multiplied by the scale. */
const AT_BASE = {
  team: 200,
  role: 60,
  skill: 150,
  credentialType: 20,
  credential: 25_000,
  ceActivity: 200_000,
  assessment: 300_000,
};
const FLOORS = { role: 12, skill: catalog.SKILLS.length, credentialType: 13 };
const DEFAULT_TODAY = '2026-11-24';
/** OWASP's argon2id baseline, as apps/api/src/auth/passwords.ts hashes. */
const ARGON2 = { type: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

// ---------- deterministic spreads ----------

/** FNV-1a over the parts: a 32-bit seed for one member, team or table. */
function hash32(...parts) {
  let hash = 0x811c9dc5;
  const text = parts.join('/');
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small, fast PRNG; `random()` in [0, 1). */
function prng(seed) {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  random.int = (min, max) => min + Math.floor(random() * (max - min + 1));
  random.pick = (list) => list[Math.floor(random() * list.length)];
  return random;
}

/** Integer counts in proportion to `weights` that add up to `total` exactly (largest remainder). */
function apportion(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i])
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k][1]]++;
  return counts;
}

// ---------- calendar days (day numbers since 1970-01-01, UTC) ----------

const DAY_MS = 86_400_000;
const dayOf = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;
const isoOf = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

// ---------- ids ----------

const TABLE_CODES = {
  department: 1,
  skill: 2,
  credential_type: 3,
  ce_rule: 4,
  job_role: 5,
  team: 6,
  requirement: 7,
  staff: 8,
  app_user: 9,
  credential: 10,
  ce_activity: 11,
  assessment: 12,
};

/** A valid, deterministic UUID per (seed, table, n): the same options give the same ids. */
function idMaker(seed) {
  const prefix = hash32('him-generated', seed).toString(16).padStart(8, '0');
  return (table, n) =>
    `${prefix}-${TABLE_CODES[table].toString(16).padStart(4, '0')}-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

// ---------- options ----------

/**
 * Resolves the options: `staff` (default 10,000 x scale) or `scale` (default staff / 10,000),
 * `departments` (1), `seed` (1), `today` (2026-11-24), `withoutCredentialsEvery` (0: none).
 */
function resolveOptions(options = {}) {
  if (options.staff !== undefined && options.scale !== undefined)
    throw new Error('give staff or scale, not both: the scale is staff / 10,000');
  const scale = options.scale ?? (options.staff ?? BASE_STAFF) / BASE_STAFF;
  const staff = options.staff ?? Math.round(BASE_STAFF * scale);
  const departments = options.departments ?? 1;
  const today = options.today ?? DEFAULT_TODAY;
  const problems = [];
  if (!(Number.isInteger(staff) && staff >= 1))
    problems.push(`staff must be a whole number >= 1 (got ${staff})`);
  if (!(scale > 0)) problems.push(`scale must be > 0 (got ${scale})`);
  if (!(Number.isInteger(departments) && departments >= 1 && departments <= staff))
    problems.push(
      `departments must be a whole number from 1 to the staff count (got ${departments})`,
    );
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || isoOf(dayOf(today)) !== today)
    problems.push(`today must be a date YYYY-MM-DD (got ${today})`);
  if (problems.length) throw new Error(problems.join('; '));
  const count = (key) => Math.max(FLOORS[key] ?? 1, Math.round(AT_BASE[key] * scale));
  return {
    staff,
    scale,
    departments,
    today,
    seed: options.seed ?? 1,
    password: options.password ?? 'generated-password-1',
    withoutCredentialsEvery: options.withoutCredentialsEvery ?? 0,
    counts: {
      team: Math.max(departments, count('team')),
      role: count('role'),
      skill: count('skill'),
      credentialType: count('credentialType'),
      credential: Math.round(AT_BASE.credential * scale),
      ceActivity: Math.round(AT_BASE.ceActivity * scale),
      assessment: Math.round(AT_BASE.assessment * scale),
    },
  };
}

// ---------- the catalog (the same in every department) ----------

function buildCatalog(counts) {
  const skills = catalog.SKILLS.map(([key, name, category]) => ({ key, name, category }));
  const generated = [];
  for (const suffix of catalog.SPECIALTY_SKILLS)
    for (const specialty of catalog.SPECIALTIES)
      generated.push({
        key: `${specialty}/${suffix}`,
        name: `${specialty} ${suffix}`,
        category: 'technical',
      });
  for (let i = 0; skills.length < counts.skill; i++) {
    const base = generated[i % generated.length];
    const round = Math.floor(i / generated.length);
    skills.push(
      round === 0
        ? base
        : { ...base, key: `${base.key}/${round}`, name: `${base.name}, module ${round + 1}` },
    );
  }
  skills.length = counts.skill;
  const skillIndex = new Map(skills.map((s, i) => [s.key, i]));

  const types = catalog.CREDENTIAL_TYPES.map(([code, name, body, baseCeus, evidences]) => ({
    code,
    name,
    body,
    baseCeus,
    evidences: evidences
      .filter(([key]) => skillIndex.has(key))
      .map(([key, level]) => [skillIndex.get(key), level]),
  }));
  for (let n = 1; types.length < counts.credentialType; n++) {
    const specialty = catalog.SPECIALTIES[(n - 1) % catalog.SPECIALTIES.length];
    const round = Math.floor((n - 1) / catalog.SPECIALTIES.length);
    const skill = skillIndex.get(`${specialty}/coding`);
    types.push({
      code: `CSC-${String(n).padStart(3, '0')}`,
      name: `Certified ${specialty} Coder${round ? ` (level ${round + 1})` : ''}`,
      body: 'AAPC',
      baseCeus: 36,
      evidences: skill === undefined ? [] : [[skill, 3]],
    });
  }
  types.length = counts.credentialType;
  const typeIndex = new Map(types.map((t, i) => [t.code, i]));
  const bodies = new Set(types.map((t) => t.body));
  const ceRules = catalog.CE_RULES.filter(([body]) => bodies.has(body)).map(
    ([body, cycleMonths, extraPerAdditional, cap, minimums]) => ({
      body,
      cycleMonths,
      extraPerAdditional,
      cap,
      minimums,
    }),
  );

  const families = catalog.ROLE_FAMILIES;
  const roles = [];
  for (let i = 0; i < counts.role; i++) {
    const family = i % families.length;
    const variant = Math.floor(i / families.length);
    const [familyName, group, skillNeeds] = families[family];
    const specialty = catalog.SPECIALTIES[(variant - 1 + family * 7) % catalog.SPECIALTIES.length];
    const round = Math.floor((variant - 1) / catalog.SPECIALTIES.length);
    const needs = skillNeeds
      .filter(([key]) => skillIndex.has(key))
      .map(([key, level]) => [skillIndex.get(key), level]);
    const specialtySkill = skillIndex.get(`${specialty}/coding`);
    if (variant > 0 && specialtySkill !== undefined) needs.push([specialtySkill, 2]);
    roles.push({
      name:
        variant === 0 ? familyName : `${familyName}, ${specialty}${round ? ` ${round + 1}` : ''}`,
      family,
      group: group.filter((code) => typeIndex.has(code)).map((code) => typeIndex.get(code)),
      skills: needs,
    });
  }
  const rolesOfFamily = families.map((_, f) =>
    roles.flatMap((r, i) => (r.family === f ? [i] : [])),
  );
  // a catalog of fewer roles than families: those members hold the nearest real role
  families.forEach(([, , , nearest], f) => {
    if (rolesOfFamily[f].length === 0) rolesOfFamily[f] = rolesOfFamily[nearest];
  });
  const ruleOf = new Map(ceRules.map((r) => [r.body, r]));
  const common = ['RHIT', 'RHIA', 'CCA', 'CCS', 'CPC']
    .filter((c) => typeIndex.has(c))
    .map((c) => typeIndex.get(c));
  return { skills, types, ceRules, ruleOf, roles, rolesOfFamily, typeIndex, common };
}

// ---------- departments and teams ----------

const slug = (text) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function buildDepartments(o) {
  const teamsPer = apportion(
    o.counts.team,
    Array.from({ length: o.departments }, () => 1),
  );
  const staffPer = apportion(o.staff, teamsPer);
  const departments = [];
  let teamNo = 0;
  for (let d = 0; d < o.departments; d++) {
    const hospital = catalog.HOSPITALS[d % catalog.HOSPITALS.length];
    const round = Math.floor(d / catalog.HOSPITALS.length);
    const name = round ? `${hospital} ${round + 1}` : hospital;
    const random = prng(hash32(o.seed, 'department', d));
    const teamCount = Math.max(1, Math.min(teamsPer[d], staffPer[d]));
    const sizes = apportion(
      staffPer[d],
      Array.from({ length: teamCount }, () => 0.7 + 0.6 * random()),
    );
    const functions = catalog.TEAM_FUNCTIONS;
    const perCampus = functions.length * catalog.CAMPUSES.length;
    const teams = sizes.map((size, j) => {
      const [fn, familyList] = functions[j % functions.length];
      const campus = catalog.CAMPUSES[Math.floor(j / functions.length) % catalog.CAMPUSES.length];
      const again = Math.floor(j / perCampus);
      return {
        no: teamNo++,
        name: `${fn} – ${campus}${again ? ` ${again + 1}` : ''}`,
        size,
        families: familyList,
      };
    });
    departments.push({
      no: d,
      name: `${name} — Health Information Management`,
      domain: `${slug(name)}.example`,
      timeZone: catalog.TIME_ZONES[d % catalog.TIME_ZONES.length],
      requireVerification: d % 3 === 2,
      teams,
    });
  }
  return departments;
}

// ---------- people and their credentials ----------

const REVOKED_REASONS = [
  'Revoked by the issuing body after a recertification audit: the CEUs claimed could not be substantiated.',
  'Revoked: recertification fees unpaid after the grace period.',
];

function credentialNumber(type, member) {
  switch (type.body) {
    case 'AHIMA':
      return String(1_000_000 + member);
    case 'AAPC':
      return String(member).padStart(8, '0');
    case 'NCRA':
      return String(100_000 + member);
    default:
      return `${type.code}-${100_000 + member}`;
  }
}

/** Who everybody is: team, role, status, hire date and name; credentials come after. */
function buildStaff(o, cat, departments) {
  const today = dayOf(o.today);
  const members = [];
  for (const dept of departments) {
    const emails = new Map();
    let employee = 0;
    for (const team of dept.teams) {
      for (let k = 0; k < team.size; k++) {
        const g = members.length;
        const random = prng(hash32(o.seed, 'member', g));
        const family =
          k === 0
            ? team === dept.teams[0]
              ? catalog.DIRECTOR_FAMILY
              : catalog.MANAGER_FAMILY
            : random() < 0.75
              ? random.pick(team.families)
              : random.pick(catalog.GENERAL_FAMILIES);
        const role = random.pick(cat.rolesOfFamily[family]);
        const status =
          k <= 1
            ? 'active'
            : random() < 0.03
              ? 'leave'
              : random() < 0.016
                ? 'terminated'
                : 'active';
        const hire = today - (30 + Math.floor(random() ** 1.6 * 7300));
        const first = random.pick(catalog.FIRST_NAMES);
        const initial = String.fromCharCode(65 + random.int(0, 25));
        const last = random.pick(catalog.LAST_NAMES);
        const local = `${slug(first)}.${slug(last)}`;
        const seen = (emails.get(local) ?? 0) + 1;
        emails.set(local, seen);
        members.push({
          g,
          dept: dept.no,
          team: team.no,
          manager: k === 0,
          role,
          status,
          hire,
          name: `${first} ${initial}. ${last}`,
          email: `${local}${seen > 1 ? seen : ''}@${dept.domain}`,
          employeeId: `E${String(100_001 + employee++)}`,
          credentials: [],
          groups: [],
        });
      }
    }
  }
  return members;
}

function assignCredentials(o, cat, members) {
  const today = dayOf(o.today);
  const maxEach = Math.min(6, cat.types.length);
  const excluded = (m) =>
    o.withoutCredentialsEvery > 0 && (m.g + 1) % o.withoutCredentialsEvery === 0;
  const weights = members.map((m) => {
    if (excluded(m)) return 0;
    const random = prng(hash32(o.seed, 'credential-weight', m.g));
    const role = cat.roles[m.role];
    const base = role.family === 0 ? (random() < 0.5 ? 0 : 1) : role.group.length ? 3 : 1.6;
    return base * (0.5 + random());
  });
  const counts = apportion(o.counts.credential, weights);
  // more than a member can hold goes to the next members who can hold more
  let overflow = 0;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] > maxEach) {
      overflow += counts[i] - maxEach;
      counts[i] = maxEach;
    }
  }
  for (let i = 0; overflow > 0 && i < counts.length * maxEach; i++) {
    const j = i % counts.length;
    if (weights[j] > 0 && counts[j] < maxEach) {
      counts[j]++;
      overflow--;
    }
  }

  for (const m of members) {
    const n = counts[m.g];
    if (n === 0) continue;
    const random = prng(hash32(o.seed, 'credentials', m.g));
    const role = cat.roles[m.role];
    const held = new Set();
    if (role.group.length && random() < 0.85)
      held.add(random() < 0.7 ? role.group[0] : random.pick(role.group));
    for (let tries = 0; held.size < n && tries < 50; tries++)
      held.add(
        random() < 0.5 && cat.common.length
          ? random.pick(cat.common)
          : random.int(0, cat.types.length - 1),
      );
    // one cycle end per body: AHIMA and AAPC align a holder's credentials
    const ends = new Map();
    for (const t of held) {
      const type = cat.types[t];
      if (!ends.has(type.body)) {
        const r = random();
        ends.set(
          type.body,
          r < 0.11
            ? today - random.int(1, 400)
            : r < 0.24
              ? today + random.int(0, 89)
              : today + random.int(90, 729),
        );
      }
      const end = ends.get(type.body);
      const kind = random();
      let issued;
      let expires = end;
      let revoked = null;
      if (kind < 0.03) {
        // passed, effective next month
        issued = today + random.int(1, 45);
        expires = issued + 730;
      } else if (kind < 0.05) {
        // passed recently: the body has not posted the recertification date yet
        issued = today - random.int(5, 60);
        expires = null;
      } else {
        issued = end - 730 * random.int(1, 6) - random.int(0, 200);
        if (kind < 0.07) revoked = today - random.int(1, 200);
      }
      if (revoked !== null && revoked < issued) revoked = issued;
      const v = issued > today ? 1 : random();
      const method = v < 0.8 ? 'primary-source' : v < 0.88 ? 'certificate-copy' : null;
      const checked = Math.max(issued, m.hire, expires === null ? issued : expires - 729) + 7;
      m.credentials.push({
        type: t,
        number: credentialNumber(type, m.g),
        issued,
        expires,
        method,
        verifiedOn: method ? Math.max(issued, Math.min(checked, today)) : null,
        revoked,
        revokedReason: revoked === null ? null : random.pick(REVOKED_REASONS),
      });
    }
    // CE groups as R11 forms them: current credentials of one body sharing an expiry
    const groups = new Map();
    for (const c of m.credentials) {
      const type = cat.types[c.type];
      const rule = cat.ruleOf.get(type.body);
      const current =
        c.issued <= today &&
        c.expires !== null &&
        c.expires >= today &&
        (c.revoked === null || c.revoked > today);
      if (!rule || !current) continue;
      const key = `${type.body}/${c.expires}`;
      const group = groups.get(key) ?? { body: type.body, end: c.expires, bases: [], rule };
      group.bases.push(type.baseCeus);
      groups.set(key, group);
    }
    m.groups = [...groups.values()].map((group) => {
      const { rule } = group;
      const required =
        Math.max(...group.bases) + rule.extraPerAdditional * (group.bases.length - 1);
      return {
        body: group.body,
        end: group.end,
        start: group.end - Math.round((rule.cycleMonths * 365.25) / 12) + 1,
        required: rule.cap === null ? required : Math.min(rule.cap, required),
      };
    });
    m.bodies = [...ends.keys()];
  }
}

// ---------- rows, table by table ----------

const SKILL_DESCRIPTION = 'Generated for the bench: a skill of the health system catalog.';

function* departmentRows(id, departments) {
  for (const d of departments)
    yield [id('department', d.no), d.name, d.timeZone, d.requireVerification, 90];
}

/** One row per department and catalog entry: its id, the department's id, then `fields`. */
function* catalogRows(id, departments, table, entries, fields) {
  for (const d of departments)
    for (const [i, entry] of entries.entries())
      yield [id(table, d.no * entries.length + i), id('department', d.no), ...fields(entry, i)];
}

function* perDepartment(departments, fn) {
  for (const d of departments) yield* fn(d);
}

/** Role requirements and team coverage targets, with the credential groups they name. */
function buildRequirements(id, o, cat, departments) {
  const requirements = [];
  const links = [];
  const add = (dept, roleId, teamId, position, need, minHolders) => {
    const reqId = id('requirement', requirements.length);
    const skill =
      need.skill === undefined ? null : id('skill', dept.no * cat.skills.length + need.skill);
    requirements.push([
      reqId,
      id('department', dept.no),
      roleId,
      teamId,
      position,
      skill ? 'skill' : 'credential',
      skill,
      need.level ?? null,
      minHolders,
    ]);
    for (const t of need.anyOf ?? [])
      links.push([reqId, id('credential_type', dept.no * cat.types.length + t)]);
  };
  for (const d of departments) {
    cat.roles.forEach((role, r) => {
      const roleId = id('job_role', d.no * cat.roles.length + r);
      const needs = [
        ...(role.group.length ? [{ anyOf: role.group }] : []),
        ...role.skills.map(([skill, level]) => ({ skill, level })),
      ];
      needs.forEach((need, position) => add(d, roleId, null, position, need, null));
    });
    for (const team of d.teams) {
      const random = prng(hash32(o.seed, 'targets', team.no));
      const lead = cat.roles[cat.rolesOfFamily[team.families[0]][0]];
      const group = lead.group.length ? lead.group : cat.common.slice(0, 2);
      const teamId = id('team', team.no);
      if (group.length)
        add(
          d,
          null,
          teamId,
          0,
          { anyOf: group },
          Math.max(1, Math.round(team.size * (0.3 + 0.6 * random()))),
        );
      if (lead.skills.length)
        add(
          d,
          null,
          teamId,
          1,
          { skill: lead.skills[0][0], level: 3 },
          Math.max(1, Math.round(team.size * (0.2 + 0.7 * random()))),
        );
    }
  }
  return { requirements, links };
}

function* credentialRows(id, cat, members) {
  let n = 0;
  for (const m of members)
    for (const c of m.credentials)
      yield [
        id('credential', n++),
        id('department', m.dept),
        id('staff', m.g),
        id('credential_type', m.dept * cat.types.length + c.type),
        c.number,
        isoOf(c.issued),
        c.expires === null ? null : isoOf(c.expires),
        c.method,
        c.verifiedOn === null ? null : isoOf(c.verifiedOn),
        c.revoked === null ? null : isoOf(c.revoked),
        c.revokedReason,
      ];
}

const NO_CERTIFICATE = 'No certificate of completion attached; resubmit with the certificate.';

function* ceRows(id, o, cat, members) {
  const today = dayOf(o.today);
  const weights = members.map((m) => {
    const random = prng(hash32(o.seed, 'ce-weight', m.g));
    return (
      (m.groups.length ? 1 + m.groups.length : m.credentials.length ? 0.4 : 0) * (0.5 + random())
    );
  });
  const counts = apportion(o.counts.ceActivity, weights);
  let n = 0;
  for (const m of members) {
    const count = counts[m.g];
    if (count === 0) continue;
    const random = prng(hash32(o.seed, 'ce', m.g));
    const dept = id('department', m.dept);
    const staff = id('staff', m.g);
    const row = (day, hours, body, status) => {
      const [title, provider, categories] = random.pick(
        catalog.CE_SOURCES[body] ?? catalog.CE_SOURCES.OTHER,
      );
      return [
        id('ce_activity', n++),
        dept,
        staff,
        title,
        provider,
        isoOf(Math.min(today, day)),
        hours,
        categories,
        status,
        status === 'rejected' ? NO_CERTIFICATE : null,
      ];
    };
    if (m.groups.length === 0) {
      // CE from before a credential lapsed
      const body = m.bodies?.[0] ?? 'AHIMA';
      for (let k = 0; k < count; k++)
        yield row(
          today - random.int(731, 1460),
          random.int(2, 8) / 2,
          body,
          random() < 0.9 ? 'approved' : 'rejected',
        );
      continue;
    }
    const shares = apportion(
      count,
      m.groups.map(() => 1),
    );
    for (let j = 0; j < m.groups.length; j++) {
      const group = m.groups[j];
      const total = shares[j];
      if (total === 0) continue;
      const from = Math.max(group.start, m.hire);
      const elapsed = Math.max(
        0,
        Math.min(1, (today - group.start + 1) / (group.end - group.start + 1)),
      );
      const intent = random();
      const target =
        intent < 0.3
          ? group.required * 1.15
          : intent < 0.62
            ? group.required * elapsed * (1.05 + 0.45 * random())
            : group.required * elapsed * (0.2 + 0.65 * random());
      const pending = Math.round(total * 0.08);
      const rejected = Math.round(total * 0.04);
      const inCycle = Math.max(1, Math.min(total - pending - rejected, Math.round(target / 1.5)));
      const hours = Math.max(0.5, target / inCycle);
      for (let k = 0; k < total; k++) {
        if (k < inCycle) {
          const h = Math.max(0.5, Math.round(hours * (0.6 + 0.8 * random()) * 4) / 4);
          yield row(random.int(from, today), Math.min(40, h), group.body, 'approved');
        } else if (k < inCycle + pending) {
          yield row(
            today - random.int(0, Math.min(60, today - from)),
            random.int(2, 6) / 2,
            group.body,
            'submitted',
          );
        } else if (k < inCycle + pending + rejected) {
          yield row(random.int(from, today), random.int(2, 6) / 2, group.body, 'rejected');
        } else {
          // the cycle before: history that no longer counts
          yield row(group.start - random.int(1, 730), random.int(2, 8) / 2, group.body, 'approved');
        }
      }
    }
  }
}

function* assessmentRows(id, o, cat, members) {
  const today = dayOf(o.today);
  const tracked = members.map((m) => {
    const random = prng(hash32(o.seed, 'skills', m.g));
    const needs = new Map(cat.roles[m.role].skills);
    const skills = [...needs.keys()];
    for (let tries = 0; skills.length < 5 && tries < 20; tries++) {
      const s = random.int(0, cat.skills.length - 1);
      if (!skills.includes(s)) skills.push(s);
    }
    const levels = skills.map((s) => {
      const r = random();
      const delta = r < 0.04 ? -2 : r < 0.15 ? -1 : r < 0.65 ? 0 : 1;
      return Math.max(0, Math.min(4, (needs.get(s) ?? 2) + delta));
    });
    return { skills, levels, weight: skills.length * Math.min(1, 0.34 + (today - m.hire) / 1095) };
  });
  const counts = apportion(
    o.counts.assessment,
    tracked.map((t) => t.weight),
  );
  let n = 0;
  for (const m of members) {
    const { skills, levels } = tracked[m.g];
    const random = prng(hash32(o.seed, 'assessments', m.g));
    const per = skills.length;
    for (let k = 0; k < counts[m.g]; k++) {
      const i = k % per;
      const round = Math.floor(k / (2 * per));
      const manager = Math.floor(k / per) % 2 === 0;
      const spread = hash32(o.seed, m.g, skills[i]) % 150;
      const wanted = today - (manager ? 15 : 45) - 365 * round - spread;
      const day = Math.max(wanted, Math.min(today, m.hire + 7 + (k % 20)));
      const current = levels[i];
      const level = manager
        ? round === 0
          ? current
          : Math.max(0, current - (random() < 0.35 ? 1 : 0))
        : Math.max(0, Math.min(4, current + (random() < 0.2 ? 1 : random() < 0.12 ? -1 : 0)));
      yield [
        id('assessment', n++),
        id('department', m.dept),
        id('staff', m.g),
        id('skill', m.dept * cat.skills.length + skills[i]),
        level,
        isoOf(day),
        manager ? 'manager' : 'self',
      ];
    }
  }
}

// ---------- the whole system ----------

/**
 * Writes a generated health system into the database at `databaseUrl` (already migrated), in
 * one transaction, and returns what it wrote: counts per table, the time it took, the
 * departments with their teams, and the accounts to log in with (an admin per department; in
 * the first department a manager of its first team and a staff member of that team).
 */
async function generateHealthSystem(options) {
  const started = process.hrtime.bigint();
  const o = resolveOptions(options);
  const log = options.log ?? (() => undefined);
  const id = idMaker(o.seed);
  const cat = buildCatalog(o.counts);
  const departments = buildDepartments(o);
  const members = buildStaff(o, cat, departments);
  assignCredentials(o, cat, members);
  const passwordHash = await hash(o.password, ARGON2);

  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  let triggersOff = false;
  const counts = {};
  const timings = {};
  const copy = async (table, columns, rows) => {
    const start = process.hrtime.bigint();
    counts[table] = (counts[table] ?? 0) + (await copyRows(client, table, columns, rows));
    timings[table] = (timings[table] ?? 0) + Number(process.hrtime.bigint() - start) / 1e6;
  };
  const first = departments[0];
  const firstTeam = members.filter((m) => m.team === first.teams[0].no);
  const manager = firstTeam[0];
  const staffUser =
    firstTeam.find((m) => !m.manager && m.status === 'active' && m.groups.length > 0) ??
    firstTeam.find((m) => !m.manager && m.status === 'active') ??
    manager;
  const accounts = {
    admins: departments.map((d) => ({
      email: `him.admin@${d.domain}`,
      departmentId: id('department', d.no),
    })),
    manager: {
      email: `team.manager@${first.domain}`,
      staffId: id('staff', manager.g),
      teamId: id('team', manager.team),
    },
    staff: {
      email: `staff.member@${first.domain}`,
      staffId: id('staff', staffUser.g),
      teamId: id('team', staffUser.team),
    },
    password: o.password,
  };
  try {
    await client.query('BEGIN');
    // The rows refer only to rows written before them, so the per-row foreign-key triggers
    // (two thirds of the time) can be skipped where the role may (a superuser): CHECK and
    // UNIQUE constraints still hold, and the generator's test checks every foreign key.
    await client.query('SAVEPOINT triggers');
    triggersOff = await client.query('SET LOCAL session_replication_role = replica').then(
      () => true,
      () => client.query('ROLLBACK TO SAVEPOINT triggers').then(() => false),
    );
    await copy(
      'department',
      ['id', 'name', 'time_zone', 'require_verification', 'expiry_warning_days'],
      departmentRows(id, departments),
    );
    await copy(
      'skill',
      ['id', 'department_id', 'name', 'category', 'description'],
      catalogRows(id, departments, 'skill', cat.skills, (skill, s) => [
        skill.name,
        skill.category,
        s < catalog.SKILLS.length ? null : SKILL_DESCRIPTION,
      ]),
    );
    await copy(
      'credential_type',
      ['id', 'department_id', 'code', 'name', 'issuing_body', 'base_ceus'],
      catalogRows(id, departments, 'credential_type', cat.types, (type) => [
        type.code,
        type.name,
        type.body,
        type.baseCeus,
      ]),
    );
    await copy(
      'credential_type_skill',
      ['credential_type_id', 'skill_id', 'level'],
      perDepartment(departments, function* (d) {
        for (const [t, type] of cat.types.entries())
          for (const [s, level] of type.evidences)
            yield [
              id('credential_type', d.no * cat.types.length + t),
              id('skill', d.no * cat.skills.length + s),
              level,
            ];
      }),
    );
    await copy(
      'ce_rule',
      [
        'id',
        'department_id',
        'issuing_body',
        'cycle_months',
        'extra_per_additional',
        'cap',
        'minimums',
      ],
      catalogRows(id, departments, 'ce_rule', cat.ceRules, (rule) => [
        rule.body,
        rule.cycleMonths,
        rule.extraPerAdditional,
        rule.cap,
        JSON.stringify(rule.minimums),
      ]),
    );
    await copy(
      'job_role',
      ['id', 'department_id', 'name'],
      catalogRows(id, departments, 'job_role', cat.roles, (role) => [role.name]),
    );
    await copy(
      'team',
      ['id', 'department_id', 'name'],
      perDepartment(departments, function* (d) {
        for (const team of d.teams) yield [id('team', team.no), id('department', d.no), team.name];
      }),
    );
    const { requirements, links } = buildRequirements(id, o, cat, departments);
    await copy(
      'requirement',
      [
        'id',
        'department_id',
        'role_id',
        'team_id',
        'position',
        'kind',
        'skill_id',
        'min_level',
        'min_holders',
      ],
      requirements,
    );
    await copy('requirement_credential_type', ['requirement_id', 'credential_type_id'], links);
    await copy(
      'staff',
      [
        'id',
        'department_id',
        'team_id',
        'role_id',
        'name',
        'email',
        'employee_id',
        'status',
        'hire_date',
      ],
      (function* () {
        for (const m of members)
          yield [
            id('staff', m.g),
            id('department', m.dept),
            id('team', m.team),
            id('job_role', m.dept * cat.roles.length + m.role),
            m.name,
            m.email,
            m.employeeId,
            m.status,
            isoOf(m.hire),
          ];
      })(),
    );
    await copy(
      'team_manager',
      ['team_id', 'staff_id'],
      (function* () {
        for (const m of members) if (m.manager) yield [id('team', m.team), id('staff', m.g)];
      })(),
    );
    await copy(
      'app_user',
      ['id', 'department_id', 'email', 'password_hash', 'role', 'staff_id'],
      [
        ...accounts.admins.map((a, i) => [
          id('app_user', i),
          a.departmentId,
          a.email,
          passwordHash,
          'admin',
          null,
        ]),
        [
          id('app_user', departments.length),
          id('department', 0),
          accounts.manager.email,
          passwordHash,
          'manager',
          accounts.manager.staffId,
        ],
        [
          id('app_user', departments.length + 1),
          id('department', 0),
          accounts.staff.email,
          passwordHash,
          'staff',
          accounts.staff.staffId,
        ],
      ],
    );
    await copy(
      'credential',
      [
        'id',
        'department_id',
        'staff_id',
        'credential_type_id',
        'number',
        'issued_on',
        'expires_on',
        'verification_method',
        'verified_on',
        'revoked_on',
        'revoked_reason',
      ],
      credentialRows(id, cat, members),
    );
    await copy(
      'ce_activity',
      [
        'id',
        'department_id',
        'staff_id',
        'title',
        'provider',
        'completed_on',
        'hours',
        'categories',
        'status',
        'review_note',
      ],
      ceRows(id, o, cat, members),
    );
    await copy(
      'assessment',
      ['id', 'department_id', 'staff_id', 'skill_id', 'level', 'assessed_on', 'source'],
      assessmentRows(id, o, cat, members),
    );
    // With the triggers skipped, the department data versions (the API's cache key) are
    // bumped here, in the same transaction, so a running server sees the new rows at once.
    await client.query(
      `DO $$ BEGIN
         IF to_regproc('bump_department_data_version') IS NOT NULL THEN
           PERFORM bump_department_data_version($1::uuid[]);
         END IF;
       END $$`.replace('$1', `'{${departments.map((d) => id('department', d.no)).join(',')}}'`),
    );
    await client.query('COMMIT');
    const analyzeStart = process.hrtime.bigint();
    await client.query('ANALYZE');
    timings.analyze = Number(process.hrtime.bigint() - analyzeStart) / 1e6;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  log(
    `generated ${o.staff} staff in ${o.departments} department(s) (scale ${o.scale}, seed ${o.seed}, today ${o.today}) in ${seconds.toFixed(1)} s:\n` +
      Object.entries(counts)
        .map(
          ([table, rows]) =>
            `  ${table.padEnd(28)} ${String(rows).padStart(9)}  ${(timings[table] / 1000).toFixed(2)} s`,
        )
        .join('\n') +
      `\n  ANALYZE ${(timings.analyze / 1000).toFixed(2)} s` +
      (triggersOff ? '' : '\n  (foreign keys checked row by row: the role may not skip triggers)'),
  );
  return {
    options: {
      staff: o.staff,
      scale: o.scale,
      departments: o.departments,
      seed: o.seed,
      today: o.today,
    },
    counts,
    seconds,
    accounts,
    departments: departments.map((d) => ({
      id: id('department', d.no),
      name: d.name,
      domain: d.domain,
      staff: d.teams.reduce((sum, t) => sum + t.size, 0),
      teams: d.teams.map((t) => ({ id: id('team', t.no), name: t.name, size: t.size })),
      roles: cat.roles.map((r) => r.name),
      credentialTypes: cat.types.map((t) => t.code),
    })),
  };
}

module.exports = {
  generateHealthSystem,
  resolveOptions,
  apportion,
  staffImportCsv,
  credentialImportCsv,
};
