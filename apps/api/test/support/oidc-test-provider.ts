import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** A person known to the test provider: the claims it gives about them. */
export interface ProviderUser {
  email: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
  employee_id?: string;
}

export interface ProviderOptions {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  users: Record<string, ProviderUser>;
  port?: number;
}

/**
 * The real OpenID provider of support/oidc-provider.mjs, in a child process (the package is an
 * ES module only), with its test controls.
 */
export class TestOidcProvider {
  private constructor(
    private readonly child: ChildProcess,
    readonly issuer: string,
  ) {}

  static async start(options: ProviderOptions): Promise<TestOidcProvider> {
    const child = spawn(process.execPath, [join(__dirname, 'oidc-provider.mjs')], {
      env: {
        ...process.env,
        OIDC_TEST_CONFIG: JSON.stringify(options),
        OIDC_TEST_PORT: String(options.port ?? 0),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const issuer = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the provider did not start:\n${output}`)),
        30_000,
      );
      child.stdout?.on('data', (chunk) => {
        output += chunk;
        const ready = /READY (\S+)/.exec(output);
        if (ready) {
          clearTimeout(timer);
          resolve(ready[1]);
        }
      });
      child.stderr?.on('data', (chunk) => (output += chunk));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the provider exited (${code}):\n${output}`));
      });
    });
    return new TestOidcProvider(child, issuer);
  }

  /** Replaces a person's claims: the next sign-in sees the new ones. */
  async setUser(id: string, user: ProviderUser): Promise<void> {
    await this.control(`/__test/users/${encodeURIComponent(id)}`, user);
  }

  /** `foreign-key`: ID tokens signed by a key the provider never published; `none`: its own. */
  async tamperIdTokens(mode: 'foreign-key' | 'none'): Promise<void> {
    await this.control('/__test/tamper', { idToken: mode });
  }

  private async control(path: string, body: unknown): Promise<void> {
    const res = await fetch(`${this.issuer}${path}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 204) throw new Error(`${path}: ${res.status}`);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill();
    await exited;
  }
}

/** The cookies of one browser at one site, as a browser keeps them (path and expiry aside). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(setCookies: readonly string[]): void {
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some(
        (a) =>
          /^\s*max-age=0/i.test(a) ||
          (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now()),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * A person signing in at the provider's page: follows its redirects from the authorization URL,
 * fills in the sign-in form when it is shown (not when the provider's session is still open),
 * and answers the redirect back to the application (its callback URL with code and state).
 */
export async function signInAtProvider(
  authorizationUrl: string,
  login: string,
  jar: CookieJar,
  redirectPrefix: string,
): Promise<string> {
  let url = authorizationUrl;
  let method = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(redirectPrefix)) return url;
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body,
    });
    jar.take(res.headers.getSetCookie());
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url).toString();
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await res.text();
    if (res.status === 200 && /<form method="post" action="\/interaction\//.test(html)) {
      method = 'POST';
      body = new URLSearchParams({ login, password: 'any' }).toString();
      continue;
    }
    throw new Error(`the provider answered ${res.status}: ${html.slice(0, 500)}`);
  }
  throw new Error('too many redirects at the provider');
}
