// An entity's many records (`--records`) as an array whose records are made when first read, so that a first page
// costs a page and not the whole entity. Made in order, a few hundred ahead of the one read; the first write makes the
// rest and the array is a plain one from then on.
import type { Row } from './query.js';

/** How many records are made ahead of the one read. */
const MADE_AHEAD = 500;

const indexOf = (key: string | symbol): number => {
  if (typeof key !== 'string' || key.length === 0 || key.length > 10) return -1;
  const first = key.charCodeAt(0);
  if (first < 48 || first > 57 || (first === 48 && key.length > 1)) return -1;
  const n = Number(key);
  return Number.isInteger(n) ? n : -1;
};

/**
 * An entity's `count` records as an array whose records are made when first read, in order (`make(i)` after `make(i -
 * 1)`), a few hundred ahead: reading a page makes that far, and `length` is `count` from the start. The first write
 * (a create's push, a delete's splice) makes the rest, and the array is a plain one from then on. `seeded` reads the
 * same records, never written to.
 */
export function recordsMadeWhenRead(count: number, make: (i: number) => Row): { records: Row[]; seeded: Row[] } {
  const made: Row[] = [];
  const upTo = (end: number) => {
    const stop = Math.min(count, Math.max(end, made.length + MADE_AHEAD));
    while (made.length < stop) made.push(make(made.length));
  };
  const read = (i: number) => {
    if (i >= count) return undefined;
    if (i >= made.length) upTo(i + 1);
    return made[i];
  };
  const target: Row[] = [];
  let written = false;
  const writable = () => {
    if (written) return;
    upTo(count);
    for (const record of made) target.push(record);
    written = true;
  };
  const records = new Proxy(target, {
    get(array, key, receiver) {
      if (written) return Reflect.get(array, key, receiver);
      if (key === 'length') return count;
      const i = indexOf(key);
      return i >= 0 ? read(i) : Reflect.get(array, key, receiver);
    },
    has(array, key) {
      if (written) return Reflect.has(array, key);
      const i = indexOf(key);
      return i >= 0 ? i < count : Reflect.has(array, key);
    },
    getOwnPropertyDescriptor(array, key) {
      if (!written) {
        const i = indexOf(key);
        if (i >= 0 && i < count) return { value: read(i), writable: true, enumerable: true, configurable: true };
        if (key === 'length') return { value: count, writable: true, enumerable: false, configurable: false };
      }
      return Reflect.getOwnPropertyDescriptor(array, key);
    },
    ownKeys(array) {
      writable();
      return Reflect.ownKeys(array);
    },
    set(array, key, value) {
      writable();
      return Reflect.set(array, key, value);
    },
    deleteProperty(array, key) {
      writable();
      return Reflect.deleteProperty(array, key);
    },
    defineProperty(array, key, descriptor) {
      writable();
      return Reflect.defineProperty(array, key, descriptor);
    },
  });
  const seeded = new Proxy([] as Row[], {
    get: (array, key, receiver) => {
      if (key === 'length') return count;
      const i = indexOf(key);
      return i >= 0 ? read(i) : Reflect.get(array, key, receiver);
    },
    has: (array, key) => {
      const i = indexOf(key);
      return i >= 0 ? i < count : Reflect.has(array, key);
    },
  });
  return { records, seeded };
}
