import { defineConfig } from 'tsup';
// @ts-expect-error: a plain .mjs helper without type declarations
import { esbuildYamlPlugin } from './scripts/yaml-plugin.mjs';
// @ts-expect-error: a plain .mjs helper without type declarations
import { writeConnectorsBundle } from './scripts/bundle-connectors.mjs';
// @ts-expect-error: a plain .mjs helper without type declarations
import { hideValidatorImport } from './scripts/hide-validator-import.mjs';
// @ts-expect-error: a plain .mjs helper without type declarations
import { buildBrowserMock } from './scripts/build-browser-demo.mjs';

// The package: ESM and CommonJS builds of src/ with their type declarations (the generated types inlined). The
// validation entry embeds both specs; in the ESM build it is a chunk of its own, loaded only when a client turns
// `validateResponses` on.
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      validation: 'src/validation/index.ts',
      agent: 'src/agent/index.ts',
      'ai-sdk': 'src/agent/ai-sdk.ts',
      'openai-agents': 'src/agent/openai-agents.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    splitting: true,
    platform: 'neutral',
    target: 'es2022',
    sourcemap: true,
    clean: false, // npm run build empties dist/ first (two configs write into it)
    outDir: 'dist',
    // openapi-fetch is the one dependency; ajv (the response validator's, a chunk loaded on first use) is bundled in, so
    // that installing the client installs nothing else.
    // The agent frameworks (`ai`, `@openai/agents-core`) are optional peers, imported by their adapters' entries only.
    external: ['openapi-fetch', 'ai', '@openai/agents-core'],
    noExternal: ['ajv', 'ajv-formats'],
    esbuildPlugins: [esbuildYamlPlugin],
    // The validator's lazy import, hidden from bundlers that bundle dist/ again (scripts/hide-validator-import.mjs).
    onSuccess: async () => {
      hideValidatorImport('dist');
    },
  },
  {
    // The mock (`agent-engine-kit/mock`) and the `agent-engine-kit` command: Node only, ESM only. The mock reads the
    // specs from openapi/ next to dist/ at run time, the connector definitions from dist/connectors.json.
    entry: { mock: 'mocks/node.ts', cli: 'bin/agent-engine-kit.ts' },
    format: ['esm'],
    // The declarations of `agent-engine-kit/mock/browser` too, from the same TypeScript program (a second program over
    // the mock's types cost the build about 10 s). Its JavaScript is built by esbuild itself (onSuccess below), whose
    // plugins stub the Node modules the mock imports but never calls there, which tsup would leave as imports.
    dts: { entry: { mock: 'mocks/node.ts', 'mock-browser': 'mocks/browser.ts' } },
    splitting: true,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    clean: false,
    outDir: 'dist',
    // msw is an optional peer (only setupMockServer needs it); ajv and js-yaml are bundled in: the command and the
    // standalone mock need nothing installed besides the package.
    // The MCP SDK (`agent-engine-kit mcp`) too, in a chunk the command loads only for `mcp`: `npx agent-engine-kit mcp`
    // in a desktop client's configuration works without installing anything else. fast-check likewise, in the chunk
    // `verify --fuzz` loads.
    external: ['openapi-fetch', 'msw'],
    noExternal: ['ajv', 'ajv-formats', 'js-yaml', 'fast-check', /^@modelcontextprotocol\//, 'zod', /^hono/, /^@hono\//],
    esbuildPlugins: [esbuildYamlPlugin],
    // The connector definitions, parsed now: dist/connectors.json (the mock reads it instead of the YAML), and one JSON
    // file per connector for pages (`agent-engine-kit/mock/connectors/<name>.json`).
    onSuccess: async () => {
      writeConnectorsBundle('dist', { perConnector: true });
      // `agent-engine-kit/mock/browser`'s JavaScript: ESM for bundlers, the specs built in, msw the page's own.
      await buildBrowserMock('dist/mock-browser.js');
    },
  },
]);
