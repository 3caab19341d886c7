import { EnvError, parseRoleMap, validateEnv } from '../../config/env';
import { employeeIdOf, groupsOf, roleFromGroups, verifiedEmail } from './provider-claims';

describe('the role from the provider groups', () => {
  const map = parseRoleMap('HIM-Directors:admin, HIM-Managers:manager');

  it('is the highest role of any mapped group', () => {
    expect(roleFromGroups(['HIM-Managers', 'HIM-Directors'], map)).toBe('admin');
    expect(roleFromGroups(['Everyone', 'HIM-Managers'], map)).toBe('manager');
  });

  it('is staff for anyone in none of the mapped groups, or in no group', () => {
    expect(roleFromGroups(['Everyone'], map)).toBe('staff');
    expect(roleFromGroups([], map)).toBe('staff');
    expect(roleFromGroups(['him-directors'], map)).toBe('staff');
  });

  it('keeps colons inside a group name', () => {
    expect(parseRoleMap('cn=a:b:manager').get('cn=a:b')).toBe('manager');
  });

  it('refuses a map with an unknown role, naming the variable', () => {
    expect(() => parseRoleMap('HIM-Directors:director')).toThrow(EnvError);
    expect(() => parseRoleMap('HIM-Directors:director')).toThrow(/OIDC_ROLE_MAP/);
    expect(() => parseRoleMap(':admin')).toThrow(/OIDC_ROLE_MAP/);
  });

  it('reads a groups claim that is a list, or a single name', () => {
    expect(groupsOf({ groups: ['a', 1, 'b'] }, 'groups')).toEqual(['a', 'b']);
    expect(groupsOf({ roles: 'a' }, 'roles')).toEqual(['a']);
    expect(groupsOf({}, 'groups')).toEqual([]);
  });
});

describe('the e-mail a provider vouches for', () => {
  it('is lower-cased when email_verified is true', () => {
    expect(verifiedEmail({ email: 'Pat.Lee@Hospital.Example', email_verified: true }, false)).toBe(
      'pat.lee@hospital.example',
    );
  });

  it('is none when the provider says it is not verified, whatever the setting', () => {
    expect(verifiedEmail({ email: 'a@b.example', email_verified: false }, true)).toBeNull();
  });

  it('is trusted without the flag only when OIDC_EMAILS_VERIFIED says so', () => {
    expect(verifiedEmail({ email: 'a@b.example' }, false)).toBeNull();
    expect(verifiedEmail({ email: 'a@b.example' }, true)).toBe('a@b.example');
  });
});

describe('single sign-on settings', () => {
  const base = { PUBLIC_URL: 'https://him.hospital.example/' };

  it('are off without OIDC_ISSUER', () => {
    expect(validateEnv(base).OIDC).toBeNull();
  });

  it('derive the redirect and post-logout addresses from PUBLIC_URL', () => {
    const env = validateEnv({
      ...base,
      OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
      OIDC_CLIENT_ID: 'client',
      OIDC_EMPLOYEE_ID_CLAIM: 'employee_id',
    });
    expect(env.OIDC?.redirectUri).toBe('https://him.hospital.example/api/v1/auth/oidc/callback');
    expect(env.OIDC?.postLogoutRedirectUri).toBe('https://him.hospital.example/login');
    expect(env.OIDC?.groupsClaim).toBe('groups');
    expect(employeeIdOf({ employee_id: 1234 }, env.OIDC!)).toBe('1234');
  });

  it('refuse an issuer without the client id, and plain http away from this machine', () => {
    expect(() => validateEnv({ ...base, OIDC_ISSUER: 'https://idp.example' })).toThrow(
      /OIDC_ISSUER and OIDC_CLIENT_ID/,
    );
    expect(() =>
      validateEnv({ ...base, OIDC_ISSUER: 'http://idp.example', OIDC_CLIENT_ID: 'x' }),
    ).toThrow(/OIDC_ISSUER must be the https/);
    expect(
      validateEnv({ ...base, OIDC_ISSUER: 'http://127.0.0.1:4000', OIDC_CLIENT_ID: 'x' }).OIDC
        ?.issuer,
    ).toBe('http://127.0.0.1:4000');
  });
});
