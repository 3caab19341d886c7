/**
 * A real OpenID provider for the tests (the `oidc-provider` package), run as a child process:
 * the package is an ES module only, which jest's CommonJS runtime cannot load. Configured by
 * OIDC_TEST_CONFIG (JSON: clientId, clientSecret, redirectUris, postLogoutRedirectUris, users),
 * it listens on 127.0.0.1 at a free port and prints `READY <issuer>` once it does.
 *
 * Sign-in is a plain form at /interaction/:uid (the person's account id in `login`, any
 * password): it signs in and consents to what the client asked for. Test controls, never part
 * of a provider: `PUT /__test/users/:id` replaces a person's claims (take someone out of a
 * group); `PUT /__test/tamper` with `{"idToken":"foreign-key"}` re-signs the ID tokens the token
 * endpoint returns with another key (same key id), `{"idToken":"none"}` stops it.
 */
import { createSign, generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const config = JSON.parse(process.env.OIDC_TEST_CONFIG ?? '{}');
const users = new Map(Object.entries(config.users ?? {}));
let tamper = 'none';

const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
  format: 'jwk',
});
key.kid = 'test-signing-key';
key.alg = 'RS256';
key.use = 'sig';
const foreignKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

const b64 = (buffer) => Buffer.from(buffer).toString('base64url');

/** The same header and claims, signed with a key the provider never published. */
function resign(jwt) {
  const [header, payload] = jwt.split('.');
  const signer = createSign('RSA-SHA256');
  signer.update(`${header}.${payload}`);
  return `${header}.${payload}.${b64(signer.sign(foreignKey))}`;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

let provider;

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname.startsWith('/__test/users/') && req.method === 'PUT') {
      users.set(
        decodeURIComponent(url.pathname.slice('/__test/users/'.length)),
        JSON.parse(await readBody(req)),
      );
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === '/__test/tamper' && req.method === 'PUT') {
      tamper = JSON.parse(await readBody(req)).idToken;
      res.writeHead(204).end();
      return;
    }
    const interaction = /^\/interaction\/([\w-]+)$/.exec(url.pathname);
    if (interaction && req.method === 'GET') {
      const details = await provider.interactionDetails(req, res);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><title>Test identity provider</title></head>
<body><main><h1>Test identity provider</h1><p>Signing in to ${escape(details.params.client_id)}</p>
<form method="post" action="/interaction/${escape(details.uid)}">
<label>Username <input name="login" autocomplete="username" autofocus></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Sign in</button></form></main></body></html>`);
      return;
    }
    if (interaction && req.method === 'POST') {
      const details = await provider.interactionDetails(req, res);
      const form = new URLSearchParams(await readBody(req));
      const accountId =
        details.prompt.name === 'login' ? form.get('login') : details.session?.accountId;
      if (!accountId || !users.has(accountId)) {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(
          '<!doctype html><html lang="en"><title>Unknown user</title><p>Unknown user</p></html>',
        );
        return;
      }
      const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (tamper === 'foreign-key' && req.method === 'POST' && url.pathname === '/token') {
      const chunks = [];
      const end = res.end.bind(res);
      res.write = (chunk) => (chunks.push(Buffer.from(chunk)), true);
      res.end = (chunk, ...rest) => {
        if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk));
        let text = Buffer.concat(chunks).toString('utf8');
        try {
          const body = JSON.parse(text);
          if (body.id_token) body.id_token = resign(body.id_token);
          text = JSON.stringify(body);
        } catch {
          // not JSON: an error page, passed on as it is
        }
        res.setHeader('content-length', Buffer.byteLength(text));
        return end(text, ...rest.filter((r) => typeof r === 'function'));
      };
    }
    provider.callback()(req, res);
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(error?.stack ?? error));
  }
});

server.listen(Number(process.env.OIDC_TEST_PORT ?? 0), '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: config.clientId,
        client_secret: config.clientSecret,
        redirect_uris: config.redirectUris,
        post_logout_redirect_uris: config.postLogoutRedirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    async findAccount(_ctx, id) {
      if (!users.has(id)) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...users.get(id) }) };
    },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'employee_id'],
      groups: ['groups'],
    },
    scopes: ['openid', 'email', 'profile', 'groups'],
    // the claims of the scopes go in the ID token too, as Entra ID and Okta put them
    conformIdTokenClaims: false,
    pkce: { methods: ['S256'], required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        // the default page loads web fonts from the internet: a plain one instead
        async logoutSource(ctx, form) {
          ctx.body = `<!doctype html><html lang="en"><head><title>Sign out</title></head><body><main>
<h1>Sign out of the test identity provider?</h1>${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
</main></body></html>`;
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    jwks: { keys: [key] },
    cookies: { keys: ['test-provider-cookie-key'] },
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html lang="en"><title>Error</title><p>${escape(out.error)}: ${escape(out.error_description ?? '')}</p></html>`;
    },
  });
  process.stdout.write(`READY ${issuer}\n`);
});
