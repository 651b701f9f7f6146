// `npm start`: the standalone mock on 127.0.0.1:$PORT (default 4010) until Ctrl-C. The entry point of its bundle
// (scripts/build-mock.mjs); mocks/standalone.ts itself only exports, so bundling it into anything starts nothing.
import { runStandaloneMock } from './standalone.js';

await runStandaloneMock({ port: Number(process.env.PORT ?? 4010) });
