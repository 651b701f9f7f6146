// Redaction runs over an exchange twice with the same walkers: first learning every secret at its known place (so that
// a token in the answer is known before the request that carried it is written), then writing with all of them.
import { REDACTED } from './format.js';
import type { SeenSecrets } from './seen-secrets.js';

export interface Rewrite {
  /** A value at a secret's place (a credential, a token's key): always the marker; remembered unless told not to. */
  secret(value: string, remember?: boolean): string;
  /** Any other text, with the secrets seen so far scrubbed. */
  text(value: string): string;
  /** The same for bytes held as latin1 text (a binary body), where secrets appear as their UTF-8 bytes. */
  latin1(value: string): string;
}

/** The first pass: remembers secrets, writes nothing that is kept. */
export function learning(seen: SeenSecrets): Rewrite {
  return {
    secret(value, remember = true) {
      if (remember) seen.add(value);
      return REDACTED;
    },
    text: (value) => value,
    latin1: (value) => value,
  };
}

/** The second pass: what goes into the file. */
export function writing(seen: SeenSecrets): Rewrite {
  return {
    secret: () => REDACTED,
    text: (value) => seen.scrub(value),
    latin1: (value) => seen.scrubLatin1(value),
  };
}
