// The widget-token flow end to end on this machine: the mock (as `npm start` runs it), the backend of
// examples/widget-token-backend.ts (the only holder of the client secret) and this page, each on its own origin.
//
//   npm run example:widget-page          then open the URL it prints
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startStandaloneMock } from '../../mocks/standalone.js';
import { createAgentEngineClient } from '../../src/index.js';
import { startWidgetBackend } from '../widget-token-backend.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

async function listen(server: ReturnType<typeof createServer>, port: number): Promise<string> {
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

/** Starts the three servers (port 0: free ports) and answers the page's URL and how to stop them. */
export async function startWidgetPageDemo(ports: { mock?: number; backend?: number; page?: number } = {}) {
  const { buildWidgetPage } = await import(pathToFileURL(`${root}scripts/build-browser-demo.mjs`).href);
  const bundle: string = await buildWidgetPage();
  const page = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://page.invalid').pathname;
    if (path === '/')
      return void response.writeHead(200, { 'content-type': 'text/html' }).end(readFileSync(`${here}index.html`));
    if (path === '/page.js')
      return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(bundle));
    response.writeHead(404).end();
  });
  const pageOrigin = await listen(page, ports.page ?? 5173);
  const mock = await startStandaloneMock({ port: ports.mock ?? 4010, log: false });
  // The backend holds the credentials (the mock's demo ones here); the page gets widget tokens for its own origin.
  const client = createAgentEngineClient({
    baseUrl: mock.url,
    clientId: mock.service.config.clientId,
    clientSecret: mock.service.config.clientSecret,
  });
  const backend = await startWidgetBackend({ client, appOrigin: pageOrigin, port: ports.backend ?? 3001 });
  const url = `${pageOrigin}/?api=${encodeURIComponent(mock.url)}&backend=${encodeURIComponent(backend.url)}`;
  const close = async () => {
    await Promise.all([mock.close(), backend.close(), new Promise<void>((resolve) => page.close(() => resolve()))]);
  };
  return { url, mock, backend, close };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const demo = await startWidgetPageDemo();
  console.log(`widget page: ${demo.url}\n  mock ${demo.mock.url}, backend ${demo.backend.url}; Ctrl-C stops all three`);
  process.once('SIGINT', () => void demo.close().then(() => process.exit(0)));
}
