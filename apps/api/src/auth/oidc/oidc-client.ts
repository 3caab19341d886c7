import { Inject, Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { ENV, type Env, type OidcSettings } from '../../config/env';

/** What a sign-in sends to the provider and must find again when the provider sends the person back. */
export interface AuthorizationChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The provider's answer, checked: who signed in, with the claims that decide their account. */
export interface ProviderIdentity {
  subject: string;
  claims: Record<string, unknown>;
  idToken: string;
}

/** The provider refused or its answer did not pass the checks (state, nonce, signature, issuer, audience). */
export class ProviderResponseError extends Error {}

/**
 * The OpenID Connect relying party (openid-client): the provider's discovery document is read once
 * (again after a failure), then every sign-in is an authorization code flow with PKCE (S256),
 * `state` and `nonce`. The ID token's signature is checked against the provider's published keys
 * (`enableNonRepudiationChecks`; without it oauth4webapi would trust TLS alone for an ID token from
 * the token endpoint), besides its issuer, audience, expiry and nonce. An http:// issuer is only
 * accepted on a loopback address (env.ts), for tests and a provider on the same machine.
 */
@Injectable()
export class OidcClient {
  private readonly logger = new Logger('OidcClient');
  private configuration: Promise<oidc.Configuration> | null = null;
  readonly settings: OidcSettings | null;

  constructor(@Inject(ENV) env: Env) {
    this.settings = env.OIDC;
  }

  get enabled(): boolean {
    return this.settings !== null;
  }

  private config(): Promise<oidc.Configuration> {
    const settings = this.required();
    this.configuration ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        settings.clientSecret === undefined
          ? oidc.None()
          : oidc.ClientSecretBasic(settings.clientSecret),
        {
          execute: [
            oidc.enableNonRepudiationChecks,
            ...(new URL(settings.issuer).protocol === 'http:' ? [oidc.allowInsecureRequests] : []),
          ],
        },
      )
      .catch((error: unknown) => {
        this.configuration = null;
        this.logger.error(
          `the identity provider's discovery document could not be read: ${String(error)}`,
        );
        throw new ProviderResponseError(`discovery failed: ${String(error)}`);
      });
    return this.configuration;
  }

  private required(): OidcSettings {
    if (!this.settings) throw new Error('single sign-on is not configured');
    return this.settings;
  }

  /** Fresh checks and the provider's authorization URL to send the browser to. */
  async authorizationRequest(): Promise<{ url: URL; checks: AuthorizationChecks }> {
    const settings = this.required();
    const config = await this.config();
    const checks: AuthorizationChecks = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: settings.redirectUri,
      scope: settings.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
      state: checks.state,
      nonce: checks.nonce,
    });
    return { url, checks };
  }

  /**
   * Trades the authorization code of the callback (its query string) for tokens and checks them.
   * Groups the ID token does not carry are read from the UserInfo endpoint (for the same subject).
   */
  async identify(callbackQuery: string, checks: AuthorizationChecks): Promise<ProviderIdentity> {
    const settings = this.required();
    const config = await this.config();
    try {
      const callback = new URL(settings.redirectUri);
      callback.search = callbackQuery;
      const tokens = await oidc.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims || !tokens.id_token) throw new ProviderResponseError('no ID token');
      let claims: Record<string, unknown> = { ...idClaims };
      if (claims[settings.groupsClaim] === undefined && config.serverMetadata().userinfo_endpoint) {
        const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
        claims = { ...info, ...claims };
      }
      return { subject: idClaims.sub, claims, idToken: tokens.id_token };
    } catch (error) {
      if (error instanceof ProviderResponseError) throw error;
      throw new ProviderResponseError(describe(error));
    }
  }

  /** The provider's end-session URL for a session begun with this ID token; null when it offers none. */
  async endSessionUrl(idToken: string | null): Promise<string | null> {
    if (!this.settings) return null;
    let config: oidc.Configuration;
    try {
      config = await this.config();
    } catch {
      return null;
    }
    if (!config.serverMetadata().end_session_endpoint) return null;
    return oidc
      .buildEndSessionUrl(config, {
        post_logout_redirect_uri: this.settings.postLogoutRedirectUri,
        client_id: this.settings.clientId,
        ...(idToken ? { id_token_hint: idToken } : {}),
      })
      .toString();
  }
}

/** An error of openid-client in words for the log: its message, code and what caused it. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const e = error as Error & { code?: string; error?: string; error_description?: string };
  const parts = [e.message, e.code, e.error, e.error_description].filter(Boolean);
  if (e.cause !== undefined) {
    parts.push(
      `caused by ${e.cause instanceof Error ? describe(e.cause) : JSON.stringify(e.cause)}`,
    );
  }
  return parts.join('; ').slice(0, 2000);
}
