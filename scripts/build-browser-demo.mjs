// Bundles the browser demo (mocks/browser-demo/) and the widget page (examples/widget-page/) for the browser: the specs
// are parsed at build time and inlined. Writes mocks/browser-demo/dist/ and examples/widget-page/dist/. (The mock
// reads files only through Node's fs got at run time, mocks/files.ts: nothing of Node is left to stub.)
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { esbuildYamlPlugin } from './yaml-plugin.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** One script bundled for the browser. */
function bundleForBrowser(entry, outfile) {
  return build({
    entryPoints: [`${root}${entry}`],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: `${root}${outfile}`,
    plugins: [esbuildYamlPlugin],
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
