// npm run demo:browser: builds the browser demo (mocks/browser-demo/: the mock in a service worker, the client in the
// page) and serves it on 127.0.0.1 (PORT, default 5174) until Ctrl-C. The browser test serves it the same way.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { buildBrowserDemo } from './build-browser-demo.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What the demo's server answers, by path: the page, its script, and msw's worker script. */
const FILES = {
  '/': ['mocks/browser-demo/index.html', 'text/html'],
  '/demo.js': ['mocks/browser-demo/dist/demo.js', 'text/javascript'],
  '/mockServiceWorker.js': ['mocks/public/mockServiceWorker.js', 'text/javascript'],
};

/**
 * A static server on 127.0.0.1 for the pages the kit opens in a browser (this demo, the widget page, a test's build):
 * `files` maps each URL path to `[file, content type]`, read when asked for; anything else is a 404. Port 0 picks a
 * free one. Answers its origin and how to stop it.
 */
export async function serveFiles(files, port = 0) {
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://page.invalid').pathname];
    if (!file) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': file[1] }).end(readFileSync(file[0]));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Builds the demo and serves it; answers its origin and how to stop it. */
export async function serveBrowserDemo(port = 0) {
  await buildBrowserDemo();
  return serveFiles(
    Object.fromEntries(Object.entries(FILES).map(([path, [file, type]]) => [path, [`${root}${file}`, type]])),
    port,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { origin } = await serveBrowserDemo(Number(process.env.PORT ?? 5174));
  console.log(`browser demo on ${origin}: the mock runs in the page's service worker. Ctrl-C stops it.`);
}
