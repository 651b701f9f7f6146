#!/usr/bin/env node
// Bundles the browser demo (mocks/browser-demo/) and the widget page (examples/widget-page/) for the browser: the specs are parsed at build time and inlined,
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

/** One page script bundled for the browser. */
function bundleForBrowser(entry, outfile) {
  return build({
    entryPoints: [`${root}${entry}`],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: `${root}${outfile}`,
    plugins: [esbuildYamlPlugin, nodeStubs],
    logLevel: 'silent',
    metafile: true,
  });
}

export async function buildBrowserDemo() {
  return bundleForBrowser('mocks/browser-demo/main.ts', 'mocks/browser-demo/dist/demo.js');
}

/** The page of examples/widget-page/ (the client only, no mock): answers the bundle's path. */
export async function buildWidgetPage() {
  const outfile = 'examples/widget-page/dist/page.js';
  await bundleForBrowser('examples/widget-page/main.ts', outfile);
  return `${root}${outfile}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildBrowserDemo();
  console.log('mocks/browser-demo/dist/demo.js');
}
