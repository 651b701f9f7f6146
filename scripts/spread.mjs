// What a figure taken several times on a noisy machine is reported as: min / median / max. The benches
// (bench/spread.ts types it for them) and npm run check:package's consumer timings share it.

/** The min, median and max of repeated measurements. */
export function spread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1) };
}
