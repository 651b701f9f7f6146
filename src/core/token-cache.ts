// One cached token and the single request that refreshes it: callers share whatever token request is in flight, and a
// token is replaced a minute before it expires (by the earlier of `expires_in` and the JWT's own `exp`).

export const REFRESH_MARGIN_MS = 60_000;

export interface MintedToken {
  token: string;
  /** Lifetime the API stated, in seconds, if it stated one. */
  expiresInSeconds?: number | undefined;
  /** Lifetime to assume when neither `expiresInSeconds` nor the JWT says. */
  defaultLifetimeSeconds: number;
}

/** The `exp` claim of a JWT in milliseconds, or undefined for anything that is not a readable JWT. */
export function jwtExpiryMs(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const claims = JSON.parse(atob(base64)) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

export class TokenCache {
  private current: { token: string; refreshAt: number } | undefined;
  private inFlight: Promise<string> | undefined;

  constructor(private readonly mint: () => Promise<MintedToken>) {}

  /** A token valid for at least another minute, minting one when needed; concurrent callers share one mint. */
  get(): Promise<string> {
    if (this.current && Date.now() < this.current.refreshAt) return Promise.resolve(this.current.token);
    this.inFlight ??= this.mintAndStore().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** The cached token while it is good for at least another minute, without waiting; else undefined. */
  peek(): string | undefined {
    return this.current && Date.now() < this.current.refreshAt ? this.current.token : undefined;
  }

  /** Forgets `token` (after a 401), unless a newer one has replaced it already. */
  invalidate(token: string): void {
    if (this.current?.token === token) this.current = undefined;
  }

  private async mintAndStore(): Promise<string> {
    const minted = await this.mint();
    const now = Date.now();
    const stated = now + (minted.expiresInSeconds ?? minted.defaultLifetimeSeconds) * 1000;
    // Trust the earlier of the two: an `expires_in` longer than the token's real `exp` has been seen.
    const expiresAt = Math.min(stated, jwtExpiryMs(minted.token) ?? stated);
    // A minute early; for a token that lives less than two minutes, halfway through its life.
    const margin = Math.min(REFRESH_MARGIN_MS, Math.max(0, expiresAt - now) / 2);
    this.current = { token: minted.token, refreshAt: expiresAt - margin };
    return minted.token;
  }
}
