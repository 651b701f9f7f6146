import { defineConfig } from 'vitest/config';

export default defineConfig({
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
