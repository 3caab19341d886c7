import {
  getMetadataStorage,
  validateSync,
  ValidationTypes,
  type ValidationArguments,
  type MetadataStorage,
  type ValidationError,
  type ValidatorConstraintInterface,
  type ValidatorOptions,
} from 'class-validator';

/** A class as class-validator keys its rules (any constructor). */
type Target = abstract new (...args: never[]) => unknown;

type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];

/** The options the API's ValidationPipe validates a body with (common/validation.ts). */
const OPTIONS: ValidatorOptions = { whitelist: true, forbidNonWhitelisted: true };

interface Constraint {
  metadata: ValidationMetadata;
  validator: ValidatorConstraintInterface;
}

interface PropertyChecks {
  name: string;
  conditions: ((object: object, value: unknown) => boolean)[];
  /** `@IsDefined()` first, as class-validator runs them, then the other constraints */
  constraints: Constraint[];
  /** `@ValidateNested()`: the value is an instance to check with its own class's rules */
  nested: { targetSchema: string }[];
}

interface ClassChecks {
  properties: Map<string, PropertyChecks>;
}

/**
 * The class-validator rules of a DTO class, read once: `validateSync` looks them up again for
 * every object (a scan of every class's rules in the app), which was most of the time an import
 * of 10,000 rows took. `null`: the class has a rule this check does not follow (a promise rule,
 * `each` on a nested one) or none at all; such objects always go through `validateSync` itself.
 */
const compiled = new Map<Target, Map<string | undefined, ClassChecks | null>>();

function checksOf(target: Target, targetSchema: string | undefined): ClassChecks | null {
  let bySchema = compiled.get(target);
  if (!bySchema) compiled.set(target, (bySchema = new Map()));
  if (bySchema.has(targetSchema)) return bySchema.get(targetSchema) ?? null;
  const checks = compile(target, targetSchema);
  bySchema.set(targetSchema, checks);
  return checks;
}

function compile(target: Target, targetSchema: string | undefined): ClassChecks | null {
  const storage = getMetadataStorage();
  // the same lookup ValidationExecutor.execute makes with OPTIONS (no groups, always: false)
  const metadatas = storage.getTargetValidationMetadatas(
    target,
    targetSchema as string,
    false,
    false,
    undefined,
  );
  if (metadatas.length === 0) return null;
  const properties = new Map<string, PropertyChecks>();
  const defined: Constraint[] = [];
  for (const metadata of metadatas) {
    let checks = properties.get(metadata.propertyName);
    if (!checks) {
      checks = { name: metadata.propertyName, conditions: [], constraints: [], nested: [] };
      properties.set(metadata.propertyName, checks);
    }
    switch (metadata.type) {
      case ValidationTypes.WHITELIST:
        break;
      case ValidationTypes.CONDITIONAL_VALIDATION:
        checks.conditions.push(metadata.constraints[0]);
        break;
      case ValidationTypes.IS_DEFINED:
      case ValidationTypes.CUSTOM_VALIDATION: {
        for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) {
          // validateSync skips asynchronous constraints; so does this
          if (constraint.async) continue;
          const entry = { metadata, validator: constraint.instance };
          if (metadata.type === ValidationTypes.IS_DEFINED) defined.push(entry);
          else checks.constraints.push(entry);
        }
        break;
      }
      case ValidationTypes.NESTED_VALIDATION:
        if (metadata.each) return null;
        checks.nested.push({
          targetSchema:
            typeof metadata.target === 'string' ? metadata.target : metadata.target.name,
        });
        break;
      default:
        return null;
    }
  }
  // @IsDefined() constraints run before the others of their property
  for (const entry of defined.reverse()) {
    properties.get(entry.metadata.propertyName)?.constraints.unshift(entry);
  }
  return { properties };
}

/**
 * Does `object` pass every rule of its class, as `validateSync(object, OPTIONS)` would find?
 * Runs the very constraint functions class-validator runs, with the same arguments; false
 * whenever anything fails or the check cannot tell (the caller then asks class-validator for
 * the messages, so a failing object is always described by class-validator itself).
 */
function passes(object: object, targetSchema: string | undefined): boolean {
  const checks = checksOf(object.constructor as Target, targetSchema);
  if (!checks) return false;
  const record = object as Record<string, unknown>;
  // whitelist + forbidNonWhitelisted: a property without any rule is an error
  for (const key of Object.keys(object)) if (!checks.properties.has(key)) return false;
  for (const property of checks.properties.values()) {
    const value = record[property.name];
    if (value instanceof Promise) return false;
    let canValidate = true;
    for (const condition of property.conditions)
      canValidate = condition(object, value) && canValidate;
    if (!canValidate) continue;
    for (const { metadata, validator } of property.constraints) {
      const args: ValidationArguments = {
        targetName: object.constructor?.name,
        property: metadata.propertyName,
        object,
        value,
        constraints: metadata.constraints,
      };
      if (metadata.each && (Array.isArray(value) || value instanceof Set || value instanceof Map)) {
        const items: unknown[] = value instanceof Map ? [...value.values()] : [...value];
        for (const item of items) if (!isTrue(validator.validate(item, args))) return false;
      } else if (!isTrue(validator.validate(value, args))) return false;
    }
    if (property.nested.length > 0 && value !== undefined) {
      if (Array.isArray(value) || value instanceof Set || value instanceof Map) return false;
      if (!(value instanceof Object)) return false;
      for (const nested of property.nested) if (!passes(value, nested.targetSchema)) return false;
    }
  }
  return true;
}

/** A constraint's answer that is a pass for certain (a promise: validateSync leaves it unchecked). */
function isTrue(valid: unknown): boolean {
  return !!valid && typeof (valid as { then?: unknown }).then !== 'function';
}

/**
 * `validateSync(instance, { whitelist: true, forbidNonWhitelisted: true })`, the API's body
 * validation, with the same answer: an instance that passes every rule is known to without
 * class-validator's per-object rule lookup; any other goes through class-validator for its
 * errors. Throws when class-validator would (a validator that cannot read its input).
 */
export function validateRow(instance: object): ValidationError[] {
  let ok: boolean;
  try {
    ok = passes(instance, undefined);
  } catch {
    ok = false;
  }
  return ok ? [] : validateSync(instance, OPTIONS);
}
