import { validateEnv, type Env } from './env';

export const ENV = Symbol('ENV');

export function envProvider(env?: Env) {
  return { provide: ENV, useFactory: () => env ?? validateEnv(process.env) };
}
