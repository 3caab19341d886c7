import { ValueTransformer } from 'typeorm';

/** PostgreSQL `numeric` arrives as a string; hours and CEUs are small decimals. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};
