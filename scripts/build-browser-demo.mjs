#!/usr/bin/env node
// Bundles the browser demo (mocks/browser-demo/) for the browser: the specs are parsed at build time and inlined,
// Node-only modules the mock never calls there are replaced by stubs. Writes mocks/browser-demo/dist/.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { esbuildYamlPlugin } from './yaml-plugin.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

// spec.ts and connectors/definitions.ts read files only when nothing was registered; the demo registers first.
const nodeStubs = {
  name: 'node-stubs',
  setup(context) {
    context.onResolve({ filter: /^node:(fs|url)$/ }, (args) => ({ path: args.path, namespace: 'node-stub' }));
    context.onLoad({ filter: /.*/, namespace: 'node-stub' }, () => ({
      contents: 'const none = () => { throw new Error("no file system in the browser: registerSpec (and registerConnectorDefinitions) first"); }; export const readFileSync = none; export const readdirSync = none; export const existsSync = () => false; export const fileURLToPath = (u) => String(u);',
      loader: 'js',
    }));
  },
};

export async function buildBrowserDemo() {
  const result = await build({
    entryPoints: [`${root}mocks/browser-demo/main.ts`],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: `${root}mocks/browser-demo/dist/demo.js`,
    plugins: [esbuildYamlPlugin, nodeStubs],
    logLevel: 'silent',
    metafile: true,
  });
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildBrowserDemo();
  console.log('mocks/browser-demo/dist/demo.js');
}
