import type { Test } from 'supertest';
import { bearer, caller, createDepartment, type DepartmentFixture } from './fixtures';
import { bombSharedStrings, rowXml, STAFF_COLUMNS, xlsx } from './hostile-files';
import { addTeamWithManager } from './member-records';
import { createTestApp, type TestApp } from './test-app';

/**
 * The hostile suite: malformed requests generated from the OpenAPI document (itself generated
 * from the controllers), so a new write endpoint is attacked without anyone writing a line here.
 * Every request is broken on purpose (a required field is missing, a value has the wrong type or
 * a path id names nothing), so each must answer 4xx: never a 5xx, and never a 2xx that wrote
 * something. The row count of every table (and of the large objects) is the same before and after.
 */

const NONE = '00000000-0000-4000-8000-000000000000';
const WRITE_METHODS = ['post', 'patch', 'put', 'delete'] as const;

interface OpenApiSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  items?: OpenApiSchema;
  allOf?: OpenApiSchema[];
}
interface OpenApiOperation {
  parameters?: { name: string; in: 'path' | 'query'; schema?: OpenApiSchema }[];
  requestBody?: { content: Record<string, { schema?: OpenApiSchema }> };
}
interface OpenApiDocument {
  paths: Record<string, Partial<Record<string, OpenApiOperation>>>;
  components: { schemas: Record<string, OpenApiSchema> };
}

/** One generated request. */
interface Hostile {
  endpoint: string;
  what: string;
  send: (t: TestApp, token: string) => Test;
}

/** Values no field of this API accepts in every position: wrong types, edge cases, fragments. */
const VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  -0.000001,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  '',
  '   ',
  'x'.repeat(10_000),
  'x'.repeat(100_001),
  '\ud800',
  'a\udfffb',
  '\u202eexe.pdf',
  '\u200f\u200e\u2066',
  '\u0000',
  '\ufeff',
  '🧑‍⚕️'.repeat(50),
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '+275760-09-13',
  '2026-01-01T25:61:00Z',
  "' OR '1'='1",
  "'; DROP TABLE staff; --",
  '1; SELECT pg_sleep(10)',
  '$(rm -rf /)',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://evil.example","x")',
  '@SUM(1+1)',
  '+1-1',
  '-2+3',
  [],
  [null],
  [1, 'two', {}],
  new Array(6000).fill(0),
  {},
  { $ne: null },
  { $gt: '' },
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  NaN,
  -0,
];

/** Whole bodies that are no object of any DTO, sent as they are. */
const RAW_BODIES: string[] = [
  'null',
  '[]',
  '"text"',
  '42',
  'NaN',
  'Infinity',
  '{"a":',
  '{',
  "{'single':'quotes'}",
  '{"__proto__":{"isAdmin":true,"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"prototype":{"polluted":true}}',
  '{"version":1,"version":"one"}',
  '\ufeff{}',
  `{"x":${'['.repeat(5000)}${']'.repeat(5000)}}`,
  `${'{"a":'.repeat(33)}1${'}'.repeat(33)}`,
  `{"big":"${'x'.repeat(10 * 1024 * 1024)}"}`,
  `{"\\ud800":1}`,
  `{${Array.from({ length: 600 }, (_, i) => `"k${i}":1`).join(',')}}`,
];

/** Content types the JSON parser must refuse or leave unparsed. */
const CONTENT_TYPES: [string, string][] = [
  ['application/json; charset=utf-16', '{}'],
  ['application/json; charset=latin1', '{"name":"\u00e9"}'],
  ['text/plain', '{"name":"x"}'],
  ['application/x-www-form-urlencoded', 'name=x&version=1'],
  ['application/xml', '<name>x</name>'],
  ['application/json', ''],
];

/** Path ids that name nothing or are no id. */
const PATH_VALUES = [
  'not-a-uuid',
  '..%2F..%2Fetc%2Fpasswd',
  '%ED%A0%80',
  '%E2%80%AEgpj.exe',
  'x'.repeat(3000),
  '00000000-0000-0000-0000-000000000000',
  "1'%20OR%20'1'%3D'1",
  '%00',
  NONE,
];

/** Query values no parameter of a write accepts. */
const QUERY_VALUES = [
  '2026-02-30',
  '-1',
  'x'.repeat(5000),
  '%ED%A0%80',
  '%3D1%2B1',
  "'%3B--",
  '%00',
];

/** Authorization headers that are no valid token. */
const AUTHORIZATIONS = [
  'Bearer',
  'Bearer ',
  'Bearer x.y.z',
  `Bearer ${'a'.repeat(10_000)}`,
  'Basic YWRtaW46YWRtaW4=',
  // alg "none", sub of nobody
  'Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4In0.',
];

function resolve(doc: OpenApiDocument, schema: OpenApiSchema | undefined): OpenApiSchema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.split('/').pop() ?? '']);
  if (schema.allOf) {
    return schema.allOf.reduce<OpenApiSchema>((all, part) => {
      const r = resolve(doc, part);
      return {
        ...all,
        ...r,
        properties: { ...all.properties, ...r.properties },
        required: [...(all.required ?? []), ...(r.required ?? [])],
      };
    }, {});
  }
  return schema;
}

/** A path with its parameters filled: uuids name nothing, others a plausible value. */
function fillPath(path: string, operation: OpenApiOperation, override?: [string, string]): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (override && override[0] === name) return override[1];
    const schema = operation.parameters?.find((p) => p.name === name)?.schema;
    if (schema?.enum) return String(schema.enum[0]);
    if (name === 'issuingBody') return 'NOBODY';
    return NONE;
  });
}

/** The property paths of a body worth breaking: top-level ones, and those of objects in arrays or objects. */
function fieldPaths(doc: OpenApiDocument, schema: OpenApiSchema): string[][] {
  const paths: string[][] = [];
  for (const [name, raw] of Object.entries(schema.properties ?? {})) {
    paths.push([name]);
    const property = resolve(doc, raw);
    const inner = property.type === 'array' ? resolve(doc, property.items) : property;
    for (const innerName of Object.keys(inner.properties ?? {})) {
      paths.push(property.type === 'array' ? [name, '0', innerName] : [name, innerName]);
    }
  }
  return paths;
}

/** `{a: [{b: value}]}` for the path ['a', '0', 'b']. */
function bodyWith(path: string[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (rest.length === 0) return { [head]: value };
  if (rest[0] === '0') return { [head]: [bodyWith(rest.slice(1), value)] };
  return { [head]: bodyWith(rest, value) };
}

function generate(doc: OpenApiDocument): Hostile[] {
  const requests: Hostile[] = [];
  for (const [template, operations] of Object.entries(doc.paths)) {
    for (const method of WRITE_METHODS) {
      const operation = operations[method];
      if (!operation) continue;
      const endpoint = `${method.toUpperCase()} ${template}`;
      const add = (what: string, send: Hostile['send']) => requests.push({ endpoint, what, send });
      const path = fillPath(template, operation);
      const content = operation.requestBody?.content ?? {};
      const isSignOut = template.endsWith('/auth/logout');

      if (content['application/json']) {
        const schema = resolve(doc, content['application/json'].schema);
        const fields = fieldPaths(doc, schema);
        // every value in at least one field; each field gets a share of them
        const perField = Math.max(12, Math.ceil(VALUES.length / Math.max(1, fields.length)));
        fields.forEach((field, f) => {
          for (let k = 0; k < perField; k++) {
            const value = VALUES[(f * 7 + k) % VALUES.length];
            add(`${field.join('.')} = ${JSON.stringify(value)?.slice(0, 40)}`, (app, token) =>
              app
                .http()
                [method](path)
                .set(bearer(token))
                .set('Content-Type', 'application/json')
                .send(JSON.stringify(bodyWith(field, value))),
            );
          }
          add(`${field.join('.')} holds a prototype key`, (app, token) =>
            app
              .http()
              [method](path)
              .set(bearer(token))
              .set('Content-Type', 'application/json')
              .send(
                JSON.stringify(bodyWith(field, {})).replace('{}', '{"__proto__":{"polluted":1}}'),
              ),
          );
        });
        add('an unknown field', (app, token) =>
          app.http()[method](path).set(bearer(token)).send({ shoeSize: 44, isAdmin: true }),
        );
        for (const raw of RAW_BODIES) {
          add(`raw body ${raw.slice(0, 30)}`, (app, token) =>
            app
              .http()
              [method](path)
              .set(bearer(token))
              .set('Content-Type', 'application/json')
              .send(raw),
          );
        }
        for (const [type, body] of CONTENT_TYPES) {
          add(`content type ${type}`, (app, token) =>
            app.http()[method](path).set(bearer(token)).set('Content-Type', type).send(body),
          );
        }
      }

      if (content['multipart/form-data']) {
        const multipart: [string, (req: Test) => Test][] = [
          ['no file', (req) => req.field('other', 'x')],
          [
            'the file in another field',
            (req) => req.attach('document', Buffer.from('a,b\n1,2'), 'a.csv'),
          ],
          ['an empty file', (req) => req.attach('file', Buffer.alloc(0), 'empty.pdf')],
          [
            'binary junk',
            (req) => req.attach('file', Buffer.from([0, 1, 2, 3, 255, 254]), 'x.bin'),
          ],
          [
            'a JPEG named .csv',
            (req) =>
              req.attach('file', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'staff.csv'),
          ],
          [
            'formula and SQL fragments, a column missing',
            (req) =>
              req.attach(
                'file',
                Buffer.from('Employee ID,Name\n=HYPERLINK("x"),\'; DROP TABLE staff; --\n'),
                'staff.csv',
              ),
          ],
          [
            'UTF-16 text',
            (req) => req.attach('file', Buffer.from('\ufeffa,b', 'utf16le'), 'u16.csv'),
          ],
          [
            'a file name that climbs out',
            (req) => req.attach('file', Buffer.from('%PDF-1.4 junk'), '../../../../etc/passwd'),
          ],
          [
            'a right-to-left file name',
            (req) => req.attach('file', Buffer.from('junk'), '\u202efdp.exe'),
          ],
          [
            'two files',
            (req) =>
              req
                .attach('file', Buffer.from('a'), 'a.csv')
                .attach('file', Buffer.from('b'), 'b.csv'),
          ],
          [
            'a zip bomb declaring 3 KB',
            (req) =>
              req.attach(
                'file',
                xlsx([rowXml(1, STAFF_COLUMNS)], {
                  sharedStrings: bombSharedStrings(4 * 1024 * 1024),
                  declaredSharedStringsSize: 3000,
                }),
                'bomb.xlsx',
              ),
          ],
          [
            'a ZIP without a workbook',
            (req) => req.attach('file', Buffer.from('PK\x03\x04junkjunkjunk'), 'x.xlsx'),
          ],
          [
            'a 10 MB file of junk',
            (req) => req.attach('file', Buffer.alloc(10 * 1024 * 1024 + 1, 7), 'big.pdf'),
          ],
        ];
        for (const [what, build] of multipart) {
          add(what, (app, token) => build(app.http()[method](path).set(bearer(token))));
          if (template.includes('/import/')) {
            add(`${what}, committed`, (app, token) =>
              build(app.http()[method](`${path}?mode=commit`).set(bearer(token))),
            );
          }
        }
        const raw: [string, string, string][] = [
          ['a boundary that never comes', 'multipart/form-data; boundary=nope', '--other\r\n\r\nx'],
          [
            'a truncated part',
            'multipart/form-data; boundary=b',
            '--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\na,b',
          ],
          ['no boundary at all', 'multipart/form-data', 'x'],
          ['JSON instead of a form', 'application/json', '{"file":"a,b"}'],
        ];
        for (const [what, type, body] of raw) {
          add(what, (app, token) =>
            app.http()[method](path).set(bearer(token)).set('Content-Type', type).send(body),
          );
        }
      }

      // path ids that are no id, for every path parameter
      for (const parameter of operation.parameters?.filter((p) => p.in === 'path') ?? []) {
        for (const value of PATH_VALUES) {
          add(`${parameter.name} = ${value.slice(0, 30)}`, (app, token) =>
            app
              .http()
              [method](fillPath(template, operation, [parameter.name, value]))
              .set(bearer(token))
              .send({}),
          );
        }
      }
      // every query parameter with values it cannot take
      for (const parameter of operation.parameters?.filter((p) => p.in === 'query') ?? []) {
        for (const value of QUERY_VALUES) {
          add(`?${parameter.name}=${value.slice(0, 30)}`, (app, token) =>
            app
              .http()
              [method](`${path}?${parameter.name}=${value}&${parameter.name}[]=x`)
              .set(bearer(token))
              .send({}),
          );
        }
      }
      // tokens that are no token (the sign-out gets only these: a real one would end the session)
      for (const authorization of AUTHORIZATIONS) {
        add(`Authorization: ${authorization.slice(0, 30)}`, (app) =>
          app.http()[method](path).set('Authorization', authorization).send({}),
        );
      }
      if (isSignOut || (!content['application/json'] && !content['multipart/form-data'])) {
        // an operation that takes no body (mark all read, sign out) acts on any well-formed
        // request, and a real token would end the session: junk bodies go with a forged token
        for (const raw of RAW_BODIES) {
          add(`raw body ${raw.slice(0, 30)} with a forged token`, (app) =>
            app
              .http()
              [method](path)
              .set('Authorization', AUTHORIZATIONS[5])
              .set('Content-Type', 'application/json')
              .send(raw),
          );
        }
      }
    }
  }
  return requests;
}

async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const tables: { tablename: string }[] = await t.dataSource.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { tablename } of tables) {
    counts[tablename] = Number(
      (await t.dataSource.query(`SELECT count(*) FROM "${tablename}"`))[0].count,
    );
  }
  counts['pg_largeobject_metadata'] = Number(
    (await t.dataSource.query(`SELECT count(*) FROM pg_largeobject_metadata`))[0].count,
  );
  return counts;
}

/**
 * Tables that record hostile traffic by design: a well-formed sign-in with a wrong password is
 * a failed sign-in, logged and counted by the throttle. Everything else must not move.
 */
const RECORDS_ATTEMPTS = ['sign_in_failure', 'rate_limit'];

describe('the hostile suite', () => {
  let t: TestApp;
  let d: DepartmentFixture;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDepartment(t);
    await addTeamWithManager(t, d);
    doc = (await t.http().get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  it('answers 2,000+ generated malformed requests to every write endpoint with 4xx, and writes nothing', async () => {
    const requests = generate(doc);
    const perEndpoint = new Map<string, number>();
    for (const r of requests) perEndpoint.set(r.endpoint, (perEndpoint.get(r.endpoint) ?? 0) + 1);
    const writeEndpoints = Object.entries(doc.paths).flatMap(([path, ops]) =>
      WRITE_METHODS.filter((m) => ops[m]).map((m) => `${m.toUpperCase()} ${path}`),
    );
    // every write endpoint of the route table is attacked, none with only a handful of requests
    expect(writeEndpoints.filter((e) => (perEndpoint.get(e) ?? 0) < 15)).toEqual([]);
    expect(requests.length).toBeGreaterThanOrEqual(2000);

    const before = await rowCounts(t);
    const started = performance.now();
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const request = requests[next++];
        const res = await request.send(t, d.tokens.admin);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status < 400 || res.status >= 500) {
          failures.push(
            `${request.endpoint} [${request.what}]: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
          );
        } else if (!Array.isArray(res.body?.message) || res.body.message.length === 0) {
          failures.push(
            `${request.endpoint} [${request.what}]: ${res.status} without message lines`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `hostile suite: ${requests.length} requests to ${writeEndpoints.length} write endpoints in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
    );
    expect(failures).toEqual([]);

    const after = await rowCounts(t);
    const moved = Object.keys(before).filter(
      (table) => !RECORDS_ATTEMPTS.includes(table) && before[table] !== after[table],
    );
    expect(moved.map((table) => `${table}: ${before[table]} -> ${after[table]}`)).toEqual([]);
    // nothing reached the prototypes of this process (the API runs in it)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    // and the server still answers
    await caller(t, d.tokens.admin).get('/api/v1/auth/me').expect(200);
  }, 240_000);
});
