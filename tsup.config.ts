import { defineConfig } from 'tsup';
// @ts-expect-error: a plain .mjs helper without type declarations
import { esbuildYamlPlugin } from './scripts/yaml-plugin.mjs';

// The package: ESM and CommonJS builds of src/ with their type declarations (the generated types inlined). The
// validation entry embeds both specs; in the ESM build it is a chunk of its own, loaded only when a client turns
// `validateResponses` on.
export default defineConfig({
  entry: { index: 'src/index.ts', validation: 'src/validation/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  splitting: true,
  platform: 'neutral',
  target: 'es2022',
  sourcemap: true,
  clean: true,
  outDir: 'dist',
  // Runtime dependencies stay dependencies, resolved by the user's bundler or runtime.
  external: ['openapi-fetch', 'ajv', 'ajv-formats'],
  esbuildPlugins: [esbuildYamlPlugin],
});
