import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';

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

/**
 * The decorators as if written one above the other over the field: the lowest applies first, so
 * that class-validator reports a field's failures in the order of the written form.
 */
function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return applyDecorators(...decorators.reverse());
}

/** A PATCH's `version`: the one the client read; a stale one answers 409 (optimistic concurrency). */
export function IsReadVersion(): PropertyDecorator {
  return stacked(
    ApiProperty({ description: 'the version you read; a stale one answers 409' }),
    IsInt(),
    Min(1),
  );
}

/** A change's `note`: why, kept in the audit trail. */
export function IsAuditNote(): PropertyDecorator {
  return stacked(
    ApiPropertyOptional({ description: 'why (kept in the audit trail)' }),
    IsOptional(),
    IsString(),
    MaxLength(2000),
  );
}
