import { ArgumentMetadata, BadRequestException } from '@nestjs/common';
import { registerDecorator } from 'class-validator';
import { jsonBodyProblem } from './json-body';
import { createValidationPipe } from './validation';

describe('jsonBodyProblem', () => {
  it('hole 6: refuses deep nesting, big arrays and objects, long strings and lone surrogates, naming where', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = [deep];
    expect(jsonBodyProblem({ email: deep })).toMatch(
      /^email(\.0)+ is nested more than 32 levels deep$/,
    );
    expect(jsonBodyProblem({ ids: new Array(5001).fill(1) })).toBe('ids has more than 5000 items');
    expect(
      jsonBodyProblem(Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`k${i}`, 1]))),
    ).toBe('the request body has more than 500 fields');
    expect(jsonBodyProblem({ name: 'x'.repeat(100_001) })).toBe(
      'name is longer than 100000 characters',
    );
    expect(jsonBodyProblem({ requirements: [{ name: 'a\ud800' }] })).toBe(
      'requirements.0.name contains an invalid character (a lone UTF-16 surrogate)',
    );
    expect(jsonBodyProblem({ '\udc00': 1 })).toBe(
      'the request body has a field name that is not valid',
    );
  });

  it('lets ordinary bodies through: emoji (surrogate pairs), right-to-left text, 32 levels', () => {
    let nested: unknown = 'x';
    for (let i = 0; i < 31; i++) nested = { a: nested };
    expect(jsonBodyProblem({ name: 'Ana 🧑‍⚕️ \u202bعربي\u202c', nested })).toBeNull();
  });
});

class Throwing {
  value!: string;
}
registerDecorator({
  name: 'throws',
  target: Throwing,
  propertyName: 'value',
  validator: {
    validate: () => {
      throw new URIError('URI malformed');
    },
  },
});

describe('the validation pipe', () => {
  it('hole 6: answers 400, not 500, when a validator throws', async () => {
    const metadata: ArgumentMetadata = { type: 'body', metatype: Throwing, data: undefined };
    await expect(createValidationPipe().transform({ value: 'x' }, metadata)).rejects.toBeInstanceOf(
      BadRequestException,
    );
  });
});
