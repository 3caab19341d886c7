import { validateEnv } from '../config/env';
import { DEMO_LOGINS } from '../seed/seed-demo';
import { passwordProblem } from './password-policy';

describe('password policy', () => {
  it.each([
    ['            ', /^must not be only spaces/],
    ['aaaaaaaaaaaa', /^must not be one character repeated/],
    ['password1234', /common or breached password/],
    ['Password123!', /common or breached password/],
    ['qwerty123456', /list of common and breached passwords/],
    ['abcabcabcabc', /repeats a short pattern/],
    ['short', /^must be at least 12 characters long \(it has 5\)/],
  ])('hole 9: refuses %j and says why', (password, why) => {
    expect(passwordProblem(password)).toMatch(why);
  });

  it.each([
    ...DEMO_LOGINS.map((login) => login.password),
    'correct horse battery staple',
    'It-Admin!Browser-2026',
  ])('accepts %j (the demo and test passwords)', (password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  it('refuses a password built on the account email', () => {
    expect(passwordProblem('pat.lee.riverside', ['pat.lee.riverside@example.org'])).toMatch(
      /email|guess/,
    );
  });

  it('judges any text, lone surrogates and right-to-left marks included, without throwing', () => {
    expect(() => passwordProblem('\ud800\ud800\ud800\ud800\ud800\ud800\ud800')).not.toThrow();
    expect(() => passwordProblem('\u202e'.repeat(30))).not.toThrow();
    expect(passwordProblem('\u202e'.repeat(30))).toMatch(/one character repeated/);
  });

  it('hole 9: refuses a weak ADMIN_PASSWORD at start, naming the variable', () => {
    expect(() =>
      validateEnv({ ADMIN_EMAIL: 'dir@example.org', ADMIN_PASSWORD: 'password1234' }),
    ).toThrow(/^ADMIN_PASSWORD .*common or breached/);
    expect(() =>
      validateEnv({ ADMIN_EMAIL: 'dir@example.org', ADMIN_PASSWORD: 'Director!Demo2026' }),
    ).not.toThrow();
  });
});
