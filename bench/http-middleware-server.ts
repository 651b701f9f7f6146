// The same mock (the same handlers and service) served by @mswjs/http-middleware (express) instead of the standalone
// server's node:http loop: the other way the mock's issue allows, measured side by side by `npm run bench:mock`.
import { createServer } from '@mswjs/http-middleware';
import { createHandlers } from '../mocks/adapters/msw.js';
import { MockService } from '../mocks/service.js';

const service = new MockService();
// The package is CommonJS and sees msw's CommonJS declarations; the handlers carry the ESM ones. Same classes at run
// time (one msw), two declarations of them for the compiler.
const app = createServer(...(createHandlers(service) as unknown as Parameters<typeof createServer>));
app.listen(Number(process.env.PORT ?? 4013), '127.0.0.1');
