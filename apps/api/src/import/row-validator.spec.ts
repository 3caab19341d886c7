import { plainToInstance, Type } from 'class-transformer';
import * as classValidator from 'class-validator';
import {
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  Min,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  validateSync,
  type ValidationError,
} from 'class-validator';
import { CreateAssessmentDto } from '../assessments/assessment.dto';
import { CreateCeActivityDto } from '../ce-activities/ce-activity.dto';
import { CreateCredentialDto } from '../credentials/credential.dto';
import { CredentialRequirementDto, SkillRequirementDto } from '../roles/requirements';
import { CreateStaffDto } from '../staff/staff.dto';
import { validateRow } from './row-validator';

/** What an import makes of an error: property, messages and children, without the objects. */
function shape(errors: ValidationError[]): unknown {
  return errors.map((e) => ({
    property: e.property,
    constraints: e.constraints,
    children: shape(e.children ?? []),
  }));
}

function expectSameAsClassValidator(instance: object): ValidationError[] {
  let expected: unknown;
  let threw = false;
  try {
    expected = shape(validateSync(instance, { whitelist: true, forbidNonWhitelisted: true }));
  } catch {
    threw = true;
  }
  if (threw) {
    expect(() => validateRow(instance)).toThrow();
    return [];
  }
  const errors = validateRow(instance);
  expect(shape(errors)).toEqual(expected);
  return errors;
}

/** A small deterministic generator, so a failure names the same case every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const UUID = '3f2c8a1e-5b7d-4c9a-8e1f-2a3b4c5d6e7f';
const TEXT = ['', ' ', 'Dana Whitfield', 'x'.repeat(201), 'x'.repeat(400), 'a\u0007b', '\ud800'];
const COMMON = [undefined, null, 0, 1, 2.5, -1, 5, true, [], {}, UUID, 'not-a-uuid', ...TEXT];

/** Every property gets values from its own examples and the shared odd ones. */
const CASES: {
  dto: new () => object;
  values: Record<string, unknown[]>;
}[] = [
  {
    dto: CreateStaffDto,
    values: {
      name: ['Dana Whitfield'],
      email: ['dana@example.org', 'dana@', 'Dana.Whitfield@Example.org', 'a@b'],
      employeeId: ['E-10442', 'x'.repeat(101)],
      teamId: [UUID],
      roleId: [UUID],
      status: ['active', 'leave', 'terminated', 'Active'],
      hireDate: ['2021-03-15', '2021-02-30', '15/03/2021'],
    },
  },
  {
    dto: CreateCredentialDto,
    values: {
      credentialTypeId: [UUID],
      number: ['12345678'],
      issuedOn: ['2024-07-01', '2024-13-01'],
      expiresOn: ['2026-06-30'],
      verification: [
        { method: 'primary-source', verifiedOn: '2024-07-15', reference: 'AHIMA 88213' },
        { method: 'primary-source', verifiedOn: '2024-07-15' },
        { method: 'fax', verifiedOn: '2024-07-15' },
        { method: 'certificate-copy', verifiedOn: 'soon', reference: 'two\nlines' },
        { method: 'primary-source', verifiedOn: '2024-07-15', extra: 1 },
        { verifiedOn: '2024-07-15' },
        'primary-source',
        [{ method: 'primary-source', verifiedOn: '2024-07-15' }],
      ],
    },
  },
  {
    dto: CreateCeActivityDto,
    values: {
      title: ['ICD-10 updates'],
      provider: ['AHIMA'],
      completedOn: ['2026-01-10'],
      hours: [1, 1.25, 7.5, 2, 1.255, 0, 201, Number.NaN],
      categories: [['coding'], ['coding', 'cdi'], [], ['coding', 'coding'], ['Not A Slug'], [1]],
      credentialIds: [[UUID], [], [UUID, UUID], ['nope']],
      status: ['approved', 'approved', 'submitted'],
    },
  },
  {
    dto: CreateAssessmentDto,
    values: {
      skillId: [UUID],
      level: [0, 3, 4, 7, 2.5],
      assessedOn: ['2026-01-10'],
      source: ['manager', 'self', 'peer'],
      note: ['fine'],
    },
  },
  {
    dto: SkillRequirementDto,
    values: { kind: ['skill', 'credential'], skillId: [UUID], minLevel: [0, 4, 5] },
  },
  {
    dto: CredentialRequirementDto,
    values: {
      kind: ['credential'],
      anyOf: [[UUID], [], [UUID, UUID], ['nope'], Array(51).fill(UUID)],
      verifiedOnly: [true, false],
    },
  },
];

function plainOf(next: () => number, values: Record<string, unknown[]>): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [key, own] of Object.entries(values)) {
    // mostly the property's own examples, so many objects pass every rule
    const pool = next() < 0.9 ? own : COMMON;
    const value = pool[Math.floor(next() * pool.length)];
    if (value !== undefined || next() < 0.5) plain[key] = value;
  }
  if (next() < 0.05) plain['unexpected'] = 'x';
  return plain;
}

describe('validateRow', () => {
  it.each(CASES.map((c) => [c.dto.name, c] as const))(
    'answers as validateSync with the API options does, for %s',
    (_name, { dto, values }) => {
      const next = random(dto.name.length * 7919);
      let passed = 0;
      let failed = 0;
      for (let i = 0; i < 1500; i++) {
        const errors = expectSameAsClassValidator(plainToInstance(dto, plainOf(next, values)));
        if (errors.length === 0) passed++;
        else failed++;
      }
      // both sides of the check are exercised
      expect(passed).toBeGreaterThan(20);
      expect(failed).toBeGreaterThan(20);
    },
  );

  it('does not run class-validator for an object that passes every rule', () => {
    const spy = jest.spyOn(classValidator, 'validateSync');
    try {
      const staff = plainToInstance(CreateStaffDto, {
        name: 'Dana Whitfield',
        email: 'dana@example.org',
        employeeId: 'E-10442',
        teamId: UUID,
        roleId: UUID,
        status: 'active',
        hireDate: '2021-03-15',
      });
      expect(validateRow(staff)).toEqual([]);
      expect(spy).not.toHaveBeenCalled();
      const bad = plainToInstance(CreateStaffDto, { ...staff, email: 'dana@' });
      expect(shape(validateRow(bad))).toEqual([
        { property: 'email', constraints: { isEmail: 'email must be an email' }, children: [] },
      ]);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('follows rules that read other properties, IsDefined, nested lists and inherited rules', () => {
    function SameAs(other: string) {
      return (object: object, propertyName: string) =>
        registerDecorator({
          name: 'sameAs',
          target: object.constructor,
          propertyName,
          validator: {
            validate: (value: unknown, args) =>
              value === (args?.object as Record<string, unknown>)[other],
            defaultMessage: () => `${propertyName} must equal ${other}`,
          },
        });
    }
    class Item {
      @IsInt()
      @Min(1)
      n!: number;
    }
    class Base {
      @IsDefined()
      @IsString()
      id!: string;
    }
    class Odd extends Base {
      @IsOptional()
      @IsString()
      password?: string;

      @ValidateIf((o: Odd) => o.password !== undefined)
      @SameAs('password')
      repeat?: string;

      @IsOptional()
      @ValidateNested({ each: true })
      @Type(() => Item)
      items?: Item[];
    }
    const plains: Record<string, unknown>[] = [
      { id: 'a' },
      {},
      { id: 1 },
      { id: 'a', password: 'p', repeat: 'p' },
      { id: 'a', password: 'p', repeat: 'q' },
      { id: 'a', repeat: 'q' },
      { id: 'a', items: [{ n: 1 }, { n: 2 }] },
      { id: 'a', items: [{ n: 0 }] },
      { id: 'a', items: [{ n: 1, m: 2 }] },
      { id: 'a', items: 'x' },
    ];
    for (const plain of plains) expectSameAsClassValidator(plainToInstance(Odd, plain));
  });
});
