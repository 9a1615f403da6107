import { randomUUID } from 'crypto';

/**
 * The platform's error body (PY: build/docs/ErrorBody.md): every API error the emulator answers has
 * this shape (CONTRACT.md ERR-1).
 */
export interface ErrorBody {
  readonly message: string;
  readonly code: string;
  readonly status: number;
  readonly contextId: string;
  readonly details: unknown[];
  readonly errors: unknown[];
}

/** An API refusal: answered with `status`, an {@link ErrorBody} and any extra headers (Retry-After). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  get body(): ErrorBody {
    return { message: this.message, code: this.code, status: this.status, contextId: randomUUID(), details: [], errors: [] };
  }
}

/** 400 `bad.request`: a request the contract does not allow. */
export function badRequest(message: string): HttpError {
  return new HttpError(400, 'bad.request', message);
}

/** 404 `not.found`: an unknown id or route. */
export function notFound(message: string): HttpError {
  return new HttpError(404, 'not.found', message);
}

/** The error code the emulator gives an injected status fault (429 as the rate limiter answers it). */
export function codeForStatus(status: number): string {
  if (status === 429) return 'too.many.requests.retry.after';
  if (status >= 500) return 'internal.server.error';
  if (status === 401) return 'bad.credentials';
  if (status === 404) return 'not.found';
  if (status === 409) return 'conflict';
  return 'bad.request';
}

/**
 * A refusal of the token endpoint: the body is `{error, error_description}`, not an ErrorBody
 * (CONTRACT.md AUTH-1..3; TF: genesyscloud/provider/provider.go, GO: platformclientv2/configuration.go).
 */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }

  get body(): { error: string; error_description: string } {
    return { error: this.error, error_description: this.description };
  }
}

/**
 * A refusal of a presigned storage URL (upload or download). Storage is not the API: its answers are
 * not documented, the emulator answers plain text (CONTRACT.md "not documented" list).
 */
export class StorageError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
