import { Matches, ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * The field may be left out, but not sent as null: for PATCH bodies over non-nullable
 * columns, where `@IsOptional()` would let `null` through to the database.
 */
export function IsOptionalNotNull(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined, options);
}

/** Some text besides spaces (the database refuses blank names and titles too; this names the field). */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return Matches(/\S/, { message: ({ property }) => `${property} must not be blank`, ...options });
}
