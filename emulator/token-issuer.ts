import { randomUUID } from 'crypto';
import { HttpError, OAuthError } from './http-error';

/** An access token the emulator issued. */
export interface IssuedToken {
  readonly clientId: string;
  expiresAt: number;
}

/**
 * The OAuth client-credentials grant (`POST /oauth/token`, CONTRACT.md AUTH-1..4) and the bearer
 * tokens it issues (AUTH-5).
 */
export class TokenIssuer {
  private readonly tokens = new Map<string, IssuedToken>();

  /**
   * @param clients accepted client id → secret; empty accepts any non-empty pair
   * @param ttlSeconds `expires_in` of every token; must be well above 60 (rule 2: the Go SDK
   *   re-authorizes `expires_in − 60` s after login, and a failed refresh panics the provider)
   */
  constructor(
    private readonly clients: Readonly<Record<string, string>>,
    readonly ttlSeconds: number,
  ) {
    if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 60) {
      throw new Error(`tokenTtlSeconds must be an integer above 60 (rule 2), got ${ttlSeconds}; expire tokens with /__admin/tokens/expire instead`);
    }
  }

  /**
   * `Authorization: Basic base64(id:secret)` (scheme in any case, RFC 7235 §2.1) and form body `grant_type=client_credentials` (rule 1);
   * refusals are `{error, error_description}` (rule 3) with the statuses of RFC 6749 §5.2.
   */
  login(authorization: string | undefined, body: string): { access_token: string; token_type: string; expires_in: number } {
    const grantType = new URLSearchParams(body).get('grant_type');
    if (!grantType) throw new OAuthError(400, 'invalid_request', 'Missing grant_type: the form body must carry grant_type=client_credentials.');
    const client = this.basicClient(authorization);
    if (!client)
      throw new OAuthError(
        401,
        'invalid_client',
        'Client authentication failed: Authorization: Basic base64(client_id:client_secret) with a known client is required.',
      );
    if (grantType !== 'client_credentials') throw new OAuthError(400, 'unsupported_grant_type', `Unsupported grant_type '${grantType}'.`);
    const accessToken = randomUUID();
    this.tokens.set(accessToken, { clientId: client, expiresAt: Date.now() + this.ttlSeconds * 1000 });
    return { access_token: accessToken, token_type: 'bearer', expires_in: this.ttlSeconds };
  }

  /** The token of an API request (`Authorization: Bearer <token>`, scheme in any case), or 401 `bad.credentials`. */
  authenticate(authorization: string | undefined): { key: string; token: IssuedToken } {
    // Auth schemes are case-insensitive, separated from the credentials by one or more spaces (RFC 7235 §2.1).
    const match = /^Bearer +(\S+)$/i.exec(authorization ?? '');
    const token = match ? this.tokens.get(match[1]) : undefined;
    if (!match || !token || token.expiresAt <= Date.now()) throw new HttpError(401, 'bad.credentials', 'Invalid login credentials.');
    return { key: match[1], token };
  }

  /** Expires every issued token (tests of token renewal). */
  expireAll(): void {
    this.tokens.forEach((t) => (t.expiresAt = 0));
  }

  private basicClient(authorization: string | undefined): string | undefined {
    // Auth schemes are case-insensitive, separated from the credentials by one or more spaces (RFC 7235 §2.1).
    const match = /^Basic +([A-Za-z0-9+/=]+)$/i.exec(authorization ?? '');
    if (!match) return undefined;
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 1 || colon === decoded.length - 1) return undefined;
    const [id, secret] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
    const known = Object.keys(this.clients).length === 0 || this.clients[id] === secret;
    return known ? id : undefined;
  }
}
