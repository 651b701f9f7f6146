import { defineConfig } from 'vitest/config';
// @ts-expect-error: a plain .mjs helper without type declarations
import { viteYamlPlugin } from './scripts/yaml-plugin.mjs';

export default defineConfig({
  plugins: [viteYamlPlugin],
  test: {
    include: ['contract-tests/**/*.test.ts'],
    // Two files at a time even on a 2-core machine (vitest would take one): most suites wait on processes they
    // started (Prism, the mock, Chromium, npm), so the wall time drops from ~90 s to ~70 s.
    maxWorkers: 2,
    // Type-level tests (*.test-d.ts) are checked by tsc through vitest and reported with the others.
    typecheck: {
      enabled: true,
      include: ['contract-tests/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
