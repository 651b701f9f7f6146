// Bundles the browser demo (mocks/browser-demo/), the widget page (examples/widget-page/) and the package's browser mock
// (`agent-engine-kit/mock/browser`) for the browser: the specs are parsed at build time and inlined,
// Node-only modules the mock never calls there are replaced by stubs. Writes mocks/browser-demo/dist/.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { esbuildYamlPlugin } from './yaml-plugin.mjs';
import { nodeStubs } from './node-stubs-plugin.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** One script bundled for the browser; `external`: packages left to the page's own bundler. */
function bundleForBrowser(entry, outfile, external = []) {
  return build({
    entryPoints: [`${root}${entry}`],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: `${root}${outfile}`,
    plugins: [esbuildYamlPlugin, nodeStubs],
    external,
    logLevel: 'silent',
    metafile: true,
  });
}

/** `agent-engine-kit/mock/browser` for the package: msw stays an import (the page's own msw, an optional peer). */
export async function buildBrowserMock(outfile) {
  await bundleForBrowser('mocks/browser.ts', outfile, ['msw', 'msw/*']);
  return `${root}${outfile}`;
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
