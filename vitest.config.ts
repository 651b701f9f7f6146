import { defineConfig } from 'vitest/config';
// @ts-expect-error: a plain .mjs helper without type declarations
import { viteYamlPlugin } from './scripts/yaml-plugin.mjs';

export default defineConfig({
  plugins: [viteYamlPlugin],
  test: {
    include: ['contract-tests/**/*.test.ts'],
    // Type-level tests (*.test-d.ts) are checked by tsc through vitest and reported with the others.
    typecheck: {
      enabled: true,
      include: ['contract-tests/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
