// What every bench reports of repeated measurements on a noisy machine: min / median / max; and a process's memory.
import { readFileSync } from 'node:fs';

/** The min, median and max of repeated measurements. */
export interface Spread {
  min: number;
  median: number;
  max: number;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted.at(-1)! };
}

/** A process's resident memory in MB, from /proc (Linux). */
export const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
