// Seeded randomness: the same seed gives the same ids, tokens and data on every run.

/** mulberry32: a tiny, fast PRNG with good enough spread for test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class IdSource {
  private readonly next: () => number;
  /** How many numbers this source has drawn: with the seed, all it takes to continue it after a restart. */
  draws = 0;
  /**
   * `taken`: ids the source must not give (a replayed recording's, made by another source that may have drawn the
   * same numbers): drawn past.
   */
  constructor(
    seed: number,
    draws = 0,
    private readonly taken?: (id: string) => boolean,
  ) {
    this.next = seededRandom(seed);
    for (let i = 0; i < draws; i++) this.random();
  }

  private random(): number {
    this.draws++;
    return this.next();
  }

  private hex(length: number): string {
    let out = '';
    while (out.length < length) out += Math.floor(this.random() * 16).toString(16);
    return out;
  }

  /** A version-4-shaped UUID. */
  uuid(): string {
    for (;;) {
      const variant = '89ab'[Math.floor(this.random() * 4)];
      const id = `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${variant}${this.hex(3)}-${this.hex(12)}`;
      if (!this.taken?.(id)) return id;
    }
  }

  /** URL-safe random characters, for token signatures and cursors. */
  text(length: number): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.random() * alphabet.length)];
    return out;
  }
}
