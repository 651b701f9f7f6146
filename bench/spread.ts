// What every bench reports of repeated measurements on a noisy machine: min / median / max; and a process's memory.
import { readFileSync } from 'node:fs';
// @ts-expect-error: a plain .mjs helper without type declarations
import { spread as spreadOf } from '../scripts/spread.mjs';

/** The min, median and max of repeated measurements. */
export interface Spread {
  min: number;
  median: number;
  max: number;
}

/** The min, median and max of repeated measurements (scripts/spread.mjs, which npm run check:package uses too). */
export const spread: (values: number[]) => Spread = spreadOf;

/** A process's resident memory in MB, from /proc (Linux). */
export const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
