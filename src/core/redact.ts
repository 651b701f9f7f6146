// Keeps secrets out of everything the client produces: error messages and bodies, log lines. Two nets: values under
// keys that name a secret, and every occurrence of a secret the client knows (client secret, tokens it minted).

const SECRET_KEY = /secret|token|password|passwd|authorization|api[-_]?key|credential|private[-_]?key|refresh/i;
export const REDACTED = '[redacted]';

export class Redactor {
  private readonly secrets = new Set<string>();

  /** Remembers a secret so that any later text containing it is scrubbed. Short strings are ignored (false hits). */
  add(secret: string | undefined): void {
    if (secret && secret.length >= 8) this.secrets.add(secret);
  }

  text(value: string): string {
    let out = value;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    // Bearer tokens that the client never saw (a token echoed by a proxy, say).
    return out.replace(/(bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, `$1${REDACTED}`);
  }

  /** A deep copy with secret-named fields replaced and known secrets scrubbed from every string. */
  value<T>(value: T): T {
    return this.walk(value, 0) as T;
  }

  private walk(value: unknown, depth: number): unknown {
    if (typeof value === 'string') return this.text(value);
    if (!value || typeof value !== 'object' || depth > 20) return value;
    if (Array.isArray(value)) return value.map((item) => this.walk(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] =
        SECRET_KEY.test(key) && item !== null && typeof item !== 'boolean' && typeof item !== 'number'
          ? REDACTED
          : this.walk(item, depth + 1);
    }
    return out;
  }
}

/** A URL for messages: origin and path only, since a query string can carry anything. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url.split('?')[0] ?? url;
  }
}
