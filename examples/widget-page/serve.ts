// The widget-token flow end to end on this machine: the mock (as `npm start` runs it), the backend of
// examples/widget-token-backend.ts (the only holder of the client secret) and this page, each on its own origin.
//
//   npm run example:widget-page          then open the URL it prints
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startStandaloneMock } from '../../mocks/standalone.js';
import { createAgentEngineClient } from '../../src/index.js';
import { startWidgetBackend } from '../widget-token-backend.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Starts the three servers (port 0: free ports) and answers the page's URL and how to stop them. */
export async function startWidgetPageDemo(ports: { mock?: number; backend?: number; page?: number } = {}) {
  const { buildWidgetPage } = await import(pathToFileURL(`${root}scripts/build-browser-demo.mjs`).href);
  const { serveFiles } = await import(pathToFileURL(`${root}scripts/serve-browser-demo.mjs`).href);
  const bundle: string = await buildWidgetPage();
  const page: { origin: string; close: () => Promise<void> } = await serveFiles(
    { '/': [`${here}index.html`, 'text/html'], '/page.js': [bundle, 'text/javascript'] },
    ports.page ?? 5173,
  );
  const pageOrigin = page.origin;
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
    await Promise.all([mock.close(), backend.close(), page.close()]);
  };
  return { url, mock, backend, close };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const demo = await startWidgetPageDemo();
  console.log(`widget page: ${demo.url}\n  mock ${demo.mock.url}, backend ${demo.backend.url}; Ctrl-C stops all three`);
  process.once('SIGINT', () => void demo.close().then(() => process.exit(0)));
}
