import { defineConfig } from 'tsup';

// The package: ESM and CommonJS builds of src/ with their type declarations (the generated types inlined).
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'neutral',
  target: 'es2022',
  sourcemap: true,
  clean: true,
  outDir: 'dist',
  // openapi-fetch stays a dependency, resolved by the user's bundler or runtime.
  external: ['openapi-fetch'],
});
