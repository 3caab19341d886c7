import {
  BadRequestException,
  HttpException,
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationError,
} from '@nestjs/common';
import { isIsoDate } from '@him/domain';
import { registerDecorator, ValidationOptions } from 'class-validator';

/** `a.b.0.c must be ...` lines for every failed constraint, nested ones included. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      // class-validator starts its messages with the bare property name; name the full path.
      message.startsWith(`${error.property} `)
        ? `${path}${message.slice(error.property.length)}`
        : `${path}: ${message}`,
    );
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

/**
 * Validation never answers 500: class-transformer or a validator that throws on an input it
 * cannot read (validator.js's isEmail on a lone surrogate threw a URIError) is a 400 that names
 * the request part, like any other invalid value. The body parser refuses most such input first
 * (common/json-body.ts); this catches what it cannot foresee, in queries and params too.
 */
class SafeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof HttpException) throw error;
      const part = metadata.type === 'custom' ? 'request' : metadata.type;
      throw new BadRequestException([
        `${metadata.data ?? part}: the ${part} holds a value that cannot be read`,
      ]);
    }
  }
}

export function createValidationPipe(): ValidationPipe {
  return new SafeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => new BadRequestException(flattenValidationErrors(errors)),
  });
}

/** A real calendar date written `YYYY-MM-DD` (2026-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isIsoDate(value),
        defaultMessage: () => `${propertyName} must be a calendar date written YYYY-MM-DD`,
      },
    });
}

/** Hours and CEUs: positive, at most two decimals. */
export function HasAtMostTwoDecimals(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'hasAtMostTwoDecimals',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' &&
          Number.isFinite(value) &&
          Math.abs(Math.round(value * 100) - value * 100) < 1e-6,
        defaultMessage: () => `${propertyName} must have at most two decimals`,
      },
    });
}
