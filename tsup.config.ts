import { defineConfig } from 'tsup';
// @ts-expect-error: a plain .mjs helper without type declarations
import { esbuildYamlPlugin } from './scripts/yaml-plugin.mjs';
// @ts-expect-error: a plain .mjs helper without type declarations
import { connectorDefinitionsAsFiles } from './scripts/bundle-connectors.mjs';
// @ts-expect-error: a plain .mjs helper without type declarations
import { vendoredAsFiles } from './scripts/vendor-packages.mjs';

/** The client's entries: ESM and CommonJS (scripts/build-package.mjs names them too). */
const CLIENT_ENTRIES = {
  index: 'src/index.ts',
  validation: 'src/validation/index.ts',
  agent: 'src/agent/index.ts',
  'ai-sdk': 'src/agent/ai-sdk.ts',
  'openai-agents': 'src/agent/openai-agents.ts',
};

/**
 * The declarations tsup bundles: not compiled from the sources again (a TypeScript program per build, 30 s of CPU),
 * but the ones `tsc -p tsconfig.build.json` emitted once, before tsup runs (scripts/build-package.mjs).
 */
const DECLARATIONS = 'mock-dist/declarations';
const declarationOf = (source: string) => `${DECLARATIONS}/${source.replace(/\.ts$/, '.d.ts')}`;
const declarationsOf = (entries: Record<string, string>) =>
  Object.fromEntries(Object.entries(entries).map(([name, source]) => [name, declarationOf(source)]));

// The package, built by `npm run build` (scripts/build-package.mjs runs tsup, then finishes dist/: tsup alone leaves
// it incomplete): every entry as ESM in one build (the client's, the mock's and the command's, so that what they
// share, the client, ajv and the specs among it, is one chunk, not a copy per build), the client's entries again as
// CommonJS, and the declarations once (see the CommonJS build). The validation entry embeds both specs; in the ESM
// build it is a chunk of its own, loaded only when a client turns `validateResponses` on. The connector definitions
// are not bundled: the build writes them once, as dist/connectors/<name>.json, which the mock reads, the agent tools
// import (their imports point there: connectorDefinitionsAsFiles) and pages import
// (`agent-engine-kit/mock/connectors/<name>.json`). Source maps keep our own code only.
export default defineConfig([
  {
    entry: {
      ...CLIENT_ENTRIES,
      mock: 'mocks/node.ts',
      'mock-browser': 'mocks/browser.ts',
      cli: 'bin/agent-engine-kit.ts',
    },
    format: ['esm'],
    // The mock's declarations (`agent-engine-kit/mock` and `/mock/browser`: ESM only).
    dts: { entry: declarationsOf({ mock: 'mocks/node.ts', 'mock-browser': 'mocks/browser.ts' }) },
    splitting: true,
    // Node's resolution for the packages the command bundles. What the client's entry loads holds only src/
    // (runtime-neutral), and what the browser mock's loads imports nothing of Node (it gets Node's fs at run time, where
    // there is one: mocks/files.ts): check-package proves both of the built files.
    platform: 'node',
    target: 'es2022',
    // ...and import attributes, which ES2022 lacks (esbuild would drop them silently): the agent tools import the
    // connector definitions `with { type: 'json' }`, as Node (18.20 and later), Deno, Bun, browsers and bundlers need.
    esbuildOptions(options) {
      options.supported = { ...options.supported, 'import-attributes': true };
    },
    sourcemap: true,
    clean: false, // scripts/build-package.mjs empties dist/ first (two configs write into it)
    outDir: 'dist',
    // openapi-fetch is the one dependency; msw (setupMockServer) and the agent frameworks (`ai`, `@openai/agents-core`,
    // imported by their adapters' entries only) are optional peers. Everything else is in the package, so that
    // installing it installs nothing else: ajv (the response validator, a chunk loaded on first use) and js-yaml bundled
    // where they are used; the MCP SDK (`npx agent-engine-kit mcp` in a desktop client's configuration works without
    // installing anything else) and fast-check (`verify --fuzz`) built apart, minified, into dist/vendor/
    // (scripts/vendor-packages.mjs), which the chunks the command loads for those import.
    external: ['openapi-fetch', 'msw', 'ai', '@openai/agents-core'],
    noExternal: ['ajv', 'ajv-formats', 'js-yaml'],
    esbuildPlugins: [esbuildYamlPlugin, connectorDefinitionsAsFiles, vendoredAsFiles],
  },
  {
    entry: CLIENT_ENTRIES,
    format: ['cjs'],
    // The client's declarations, once: `<entry>.d.cts` here, which the ESM build's `<entry>.d.ts` re-exports.
    dts: { entry: declarationsOf(CLIENT_ENTRIES) },
    splitting: true,
    platform: 'neutral',
    target: 'es2022',
    sourcemap: true,
    clean: false,
    outDir: 'dist',
    external: ['openapi-fetch', 'ai', '@openai/agents-core'],
    noExternal: ['ajv', 'ajv-formats'],
    esbuildPlugins: [esbuildYamlPlugin, connectorDefinitionsAsFiles],
  },
]);
