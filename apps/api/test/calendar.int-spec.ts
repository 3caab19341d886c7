import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { caller, createDepartment, type DepartmentFixture } from './fixtures';
import {
  addTeamWithManager,
  auditOf,
  daysFromToday,
  insertCredentialType,
  type SecondTeam,
} from './member-records';
import { createTestApp, type TestApp } from './test-app';

/** A long credential type name with characters of two, three and four UTF-8 octets. */
const LONG_TYPE_NAME =
  'Registered Health Information Administrator — Zertifizierte Fachkraft für Gesundheitsdatenmanagement, Kodierung & Qualität 🩺 (Überprüfung)';
/** A member's name with the characters iCalendar TEXT must escape. */
const TRICKY_NAME = 'Sam Staff, Jr.; Coding \\ ROI';

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  end: string;
  startIsDate: boolean;
  triggers: string[];
  alarmActions: string[];
}

function parseFeed(text: string): { calendar: ICAL.Component; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
    const end = vevent.getFirstPropertyValue('dtend') as ICAL.Time;
    const alarms = vevent.getAllSubcomponents('valarm');
    return {
      uid: String(vevent.getFirstPropertyValue('uid')),
      summary: String(vevent.getFirstPropertyValue('summary')),
      description: String(vevent.getFirstPropertyValue('description')),
      start: start.toString(),
      end: end.toString(),
      startIsDate: start.isDate,
      triggers: alarms.map((alarm) => String(alarm.getFirstPropertyValue('trigger'))),
      alarmActions: alarms.map((alarm) => String(alarm.getFirstPropertyValue('action'))),
    };
  });
  return { calendar, events };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describe('calendar feeds', () => {
  let t: TestApp;
  let dept: DepartmentFixture;
  let other: DepartmentFixture;
  let roi: SecondTeam;
  const ids: Record<string, string> = {};
  const groupEnd = daysFromToday(200);

  const credential = async (
    staffId: string,
    typeId: string,
    expiresOn: string | null,
    extra = '',
  ) => {
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO credential (department_id, staff_id, credential_type_id, number, issued_on, expires_on${extra ? ', revoked_on' : ''})
       VALUES ($1, $2, $3, $4, $5, $6${extra ? ', $7' : ''}) RETURNING id`,
      [
        dept.departmentId,
        staffId,
        typeId,
        `N-${Math.random().toString(36).slice(2, 8)}`,
        daysFromToday(-500),
        expiresOn,
        ...(extra ? [extra] : []),
      ],
    );
    return id as string;
  };

  const createToken = (token: string, body: object) =>
    caller(t, token).post('/api/v1/calendar-tokens', body);
  const fetchFeed = (feedUrl: string) => t.http().get(feedUrl).buffer(true).parse(textParser);

  beforeAll(async () => {
    t = await createTestApp();
    dept = await createDepartment(t, 'cal');
    other = await createDepartment(t, 'cal-other');
    roi = await addTeamWithManager(t, dept);
    const q = (sql: string, params: unknown[]) => t.dataSource.query(sql, params);
    await q(
      `UPDATE department SET time_zone = 'America/New_York', reminder_lead_days = '{120,45,10}' WHERE id = $1`,
      [dept.departmentId],
    );
    await q(`UPDATE staff SET name = $2 WHERE id = $1`, [dept.staffStaffId, TRICKY_NAME]);
    const rhia = await insertCredentialType(t, dept.departmentId, 'RHIA');
    await q(`UPDATE credential_type SET name = $2, base_ceus = 30 WHERE id = $1`, [
      rhia,
      LONG_TYPE_NAME,
    ]);
    const ccs = await insertCredentialType(t, dept.departmentId, 'CCS');
    const cpc = await insertCredentialType(t, dept.departmentId, 'CPC', 'AAPC');
    await q(
      `INSERT INTO ce_rule (department_id, issuing_body, cycle_months, extra_per_additional, cap)
       VALUES ($1, 'AHIMA', 24, 10, 50), ($1, 'AAPC', 24, 4, 52)`,
      [dept.departmentId],
    );
    // The staff member: RHIA + CCS in one AHIMA CE group, a CPC that lapsed 10 days ago,
    // and three that never show: lapsed 45 days ago, revoked, and without expiry.
    ids['rhia'] = await credential(dept.staffStaffId, rhia, groupEnd);
    ids['ccs'] = await credential(dept.staffStaffId, ccs, groupEnd);
    ids['cpcLapsed'] = await credential(dept.staffStaffId, cpc, daysFromToday(-10));
    ids['cpcOld'] = await credential(dept.staffStaffId, cpc, daysFromToday(-45));
    ids['revoked'] = await credential(dept.staffStaffId, ccs, daysFromToday(90), daysFromToday(-1));
    ids['noExpiry'] = await credential(dept.staffStaffId, cpc, null);
    await q(
      `INSERT INTO ce_activity (department_id, staff_id, title, provider, completed_on, hours, status, categories)
       VALUES ($1, $2, 'Coding Clinic Q3', 'AHIMA', $3, 10, 'approved', '{hiim-domain}'),
              ($1, $2, 'Privacy webinar', 'AHIMA', $3, 6, 'approved', '{}'),
              ($1, $2, 'Pending course', 'AHIMA', $3, 4, 'submitted', '{}')`,
      [dept.departmentId, dept.staffStaffId, daysFromToday(-30)],
    );
    // Another member of the same team, a terminated one, and a member of the ROI team.
    ids['other'] = await credential(dept.otherStaffId, rhia, daysFromToday(100));
    const [{ id: leaver }] = await q(
      `INSERT INTO staff (department_id, team_id, role_id, name, email, status, hire_date)
       VALUES ($1, $2, $3, 'Lee Leaver', 'lee.leaver@example.org', 'terminated', '2020-01-06') RETURNING id`,
      [dept.departmentId, dept.teamId, dept.roleId],
    );
    ids['leaver'] = await credential(leaver, ccs, daysFromToday(60));
    ids['roiMember'] = await credential(roi.memberStaffId, ccs, daysFromToday(70));
  });
  afterAll(() => t.close());

  it('creates a personal feed token shown once; only its SHA-256 is stored, never logged', async () => {
    const res = await createToken(dept.tokens.staff, { label: 'Work phone', scope: 'self' }).expect(
      201,
    );
    const { token, feedUrl, id } = res.body;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(feedUrl).toBe(`/api/v1/calendar/${token}.ics`);
    expect(res.body).toMatchObject({
      label: 'Work phone',
      scope: 'self',
      lastUsedAt: null,
      revokedAt: null,
    });

    const [row] = await t.dataSource.query(
      `SELECT encode(token_hash, 'hex') AS hash, row_to_json(calendar_token)::text AS everything FROM calendar_token WHERE id = $1`,
      [id],
    );
    expect(row.hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(row.everything).not.toContain(token);

    const list = await caller(t, dept.tokens.staff).get('/api/v1/calendar-tokens').expect(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toEqual({
      id,
      userId: expect.any(String),
      label: 'Work phone',
      scope: 'self',
      createdAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(list.body)).not.toContain(token);

    const audit = await auditOf(t, id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'create',
      entity: 'calendar_token',
      user_email: dept.emails.staff,
    });
    const trail = await t.dataSource.query(
      `SELECT coalesce(before::text, '') || coalesce(after::text, '') || coalesce(note, '') AS text FROM audit_event`,
    );
    expect(trail.map((r: { text: string }) => r.text).join('\n')).not.toContain(token);
    expect(trail.map((r: { text: string }) => r.text).join('\n')).not.toContain(row.hash);
  });

  it("serves the staff member's own deadlines as RFC 5545 without a bearer token", async () => {
    const { body } = await createToken(dept.tokens.staff, { scope: 'self' }).expect(201);
    const res = await fetchFeed(body.feedUrl).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['cache-control']).toBe('private, max-age=900');
    const text: string = res.body;

    // CRLF only, every line at most 75 octets, no UTF-8 sequence cut in two.
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    expect(Math.max(...lines.map((line) => Buffer.byteLength(line, 'utf8')))).toBeLessThanOrEqual(
      75,
    );
    expect(text).not.toContain('\uFFFD');

    const { calendar, events } = parseFeed(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(String(calendar.getFirstPropertyValue('prodid'))).toContain('HIM Readiness');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(
      'HIM Readiness: my credentials and CE',
    );
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('America/New_York');

    // RHIA and CCS (+200 days), the CPC that lapsed 10 days ago, and the AHIMA cycle end.
    const cycleUid = `ce-${dept.staffStaffId}-AHIMA-${groupEnd}@him-readiness`;
    expect(events.map((e) => e.uid).sort()).toEqual(
      [
        `credential-${ids['rhia']}@him-readiness`,
        `credential-${ids['ccs']}@him-readiness`,
        `credential-${ids['cpcLapsed']}@him-readiness`,
        cycleUid,
      ].sort(),
    );
    for (const event of events) {
      expect(event.startIsDate).toBe(true);
      expect(event.end).toBe(nextDay(event.start));
    }
    expect(text).toContain(`DTSTART;VALUE=DATE:${groupEnd.replace(/-/g, '')}\r\n`);
    expect(text).toMatch(/DTSTAMP:\d{8}T\d{6}Z\r\n/);

    const byUid = new Map(events.map((e) => [e.uid, e]));
    const rhia = byUid.get(`credential-${ids['rhia']}@him-readiness`) as ParsedEvent;
    expect(rhia).toMatchObject({ summary: 'RHIA expires', start: groupEnd });
    // The department's lead times (120, 45, 10), not the defaults.
    expect(rhia.triggers).toEqual(['-P120D', '-P45D', '-P10D']);
    expect(rhia.alarmActions).toEqual(['DISPLAY', 'DISPLAY', 'DISPLAY']);
    const cycle = byUid.get(cycleUid) as ParsedEvent;
    expect(cycle.summary).toBe('AHIMA CE cycle ends — 16 of 40 h');
    expect(cycle.description).toContain('4 h pending review');
    expect(cycle.triggers).toEqual(['-P120D', '-P45D', '-P10D']);
    // A lapsed credential keeps its event but no reminders in the past.
    const lapsed = byUid.get(`credential-${ids['cpcLapsed']}@him-readiness`) as ParsedEvent;
    expect(lapsed).toMatchObject({
      summary: 'CPC expires',
      start: daysFromToday(-10),
      triggers: [],
    });

    // The long description is folded into continuation lines and read back whole.
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(2);
    expect(rhia.description).toContain(`RHIA (${LONG_TYPE_NAME}, AHIMA) expires on ${groupEnd}.`);
    // Commas, semicolons and backslashes are escaped in the text and come back as written.
    expect(rhia.description.startsWith(`${TRICKY_NAME}'s RHIA`)).toBe(true);
    expect(text.replace(/\r\n /g, '')).toContain('Sam Staff\\, Jr.\\; Coding \\\\ ROI');
    expect(rhia.description.split('\n')).toEqual([
      `${TRICKY_NAME}'s RHIA (${LONG_TYPE_NAME}, AHIMA) expires on ${groupEnd}.`,
      expect.stringMatching(/^Number: N-/),
      'Not verified yet.',
      'Renew it with AHIMA before it lapses, then record the new expiry date in HIM Readiness.',
    ]);

    // Only the member's own records.
    expect(text).not.toContain(ids['other']);
    expect(text).not.toContain('Olga');
    expect(text).not.toContain(ids['leaver']);
  });

  it('records when a feed was last used and answers 304 to an unchanged If-None-Match', async () => {
    const { body } = await createToken(dept.tokens.staff, { scope: 'self', label: 'etag' }).expect(
      201,
    );
    const first = await fetchFeed(body.feedUrl).expect(200);
    const etag = first.headers['etag'];
    expect(etag).toMatch(/^W\/".+"$/);
    await t.http().get(body.feedUrl).set('If-None-Match', etag).expect(304);
    const list = await caller(t, dept.tokens.staff).get('/api/v1/calendar-tokens').expect(200);
    const listed = list.body.items.find((item: { id: string }) => item.id === body.id);
    expect(Date.parse(listed.lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("gives a manager the deadlines of the teams they manage, each named, and an admin the department's", async () => {
    const manager = await createToken(dept.tokens.manager, { scope: 'teams' }).expect(201);
    const { events } = parseFeed((await fetchFeed(manager.body.feedUrl).expect(200)).body);
    const uids = events.map((e) => e.uid);
    expect(uids).toEqual(
      expect.arrayContaining([
        `credential-${ids['rhia']}@him-readiness`,
        `credential-${ids['other']}@him-readiness`,
      ]),
    );
    expect(uids).not.toContain(`credential-${ids['leaver']}@him-readiness`);
    expect(uids).not.toContain(`credential-${ids['roiMember']}@him-readiness`);
    const otherEvent = events.find(
      (e) => e.uid === `credential-${ids['other']}@him-readiness`,
    ) as ParsedEvent;
    expect(otherEvent.summary).toBe('Olga Other: RHIA expires');
    expect(events.find((e) => e.uid === `credential-${ids['rhia']}@him-readiness`)?.summary).toBe(
      `${TRICKY_NAME}: RHIA expires`,
    );

    const admin = await createToken(dept.tokens.admin, {
      scope: 'teams',
      label: 'Department',
    }).expect(201);
    const adminFeed = parseFeed((await fetchFeed(admin.body.feedUrl).expect(200)).body);
    expect(adminFeed.calendar.getFirstPropertyValue('x-wr-calname')).toBe(
      'HIM Readiness: Department',
    );
    expect(adminFeed.events.map((e) => e.uid)).toEqual(
      expect.arrayContaining([
        `credential-${ids['roiMember']}@him-readiness`,
        `credential-${ids['other']}@him-readiness`,
      ]),
    );
    expect(adminFeed.events.map((e) => e.uid)).not.toContain(
      `credential-${ids['leaver']}@him-readiness`,
    );
  });

  it("refuses a 'teams' feed to staff (403), a personal one to an account without a staff record (400), and bad input", async () => {
    const staff = await createToken(dept.tokens.staff, { scope: 'teams' }).expect(403);
    expect(staff.body.message.join('\n')).toMatch(/^scope/m);
    const admin = await createToken(dept.tokens.admin, { scope: 'self' }).expect(400);
    expect(admin.body.message.join('\n')).toMatch(/^scope/m);
    const bad = await createToken(dept.tokens.staff, {
      scope: 'everyone',
      label: ' ',
      token: 'mine',
    }).expect(400);
    const text = bad.body.message.join('\n');
    for (const field of ['scope', 'label', 'token']) expect(text).toMatch(field);
    await t.http().post('/api/v1/calendar-tokens').send({ scope: 'self' }).expect(401);
    await t.http().get('/api/v1/calendar-tokens').expect(401);
  });

  it('revokes: the feed answers 404 from then on; only the owner or an admin of the department may revoke', async () => {
    const { body } = await createToken(dept.tokens.staff, {
      scope: 'self',
      label: 'to revoke',
    }).expect(201);
    await fetchFeed(body.feedUrl).expect(200);
    // Someone else's token: 404 for a manager and another department's admin.
    await caller(t, dept.tokens.manager).delete(`/api/v1/calendar-tokens/${body.id}`).expect(404);
    await caller(t, other.tokens.admin).delete(`/api/v1/calendar-tokens/${body.id}`).expect(404);

    const revoked = await caller(t, dept.tokens.staff)
      .delete(`/api/v1/calendar-tokens/${body.id}`)
      .expect(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    await fetchFeed(body.feedUrl).expect(404);
    await caller(t, dept.tokens.staff).delete(`/api/v1/calendar-tokens/${body.id}`).expect(409);
    expect((await auditOf(t, body.id)).map((e) => e.action)).toEqual(['create', 'revoke']);

    const second = await createToken(dept.tokens.staff, { scope: 'self' }).expect(201);
    await caller(t, dept.tokens.admin)
      .delete(`/api/v1/calendar-tokens/${second.body.id}`)
      .expect(200);
    await fetchFeed(second.body.feedUrl).expect(404);
  });

  it('answers 404 to unknown and malformed tokens and to the token of a deactivated account', async () => {
    await fetchFeed(`/api/v1/calendar/${'A'.repeat(43)}.ics`).expect(404);
    await fetchFeed('/api/v1/calendar/not-a-token.ics').expect(404);
    await fetchFeed(`/api/v1/calendar/${'A'.repeat(43)}`).expect(404);
    const { body } = await createToken(other.tokens.staff, { scope: 'self' }).expect(201);
    await fetchFeed(body.feedUrl).expect(200);
    await t.dataSource.query(`UPDATE app_user SET active = false WHERE lower(email) = lower($1)`, [
      other.emails.staff,
    ]);
    await fetchFeed(body.feedUrl).expect(404);
  });
});

/** supertest does not buffer text/calendar as text by itself. */
function textParser(
  response: unknown,
  callback: (error: Error | null, body: string) => void,
): void {
  const res = response as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks).toString('utf8')));
}
