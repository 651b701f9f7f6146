// `npm start`: the standalone mock on 127.0.0.1:$PORT (default 4010) until Ctrl-C. The entry point of its bundle
// (scripts/build-mock.mjs); mocks/standalone.ts itself only exports, so bundling it into anything starts nothing.
import { runStandaloneMock } from './standalone.js';

// `npm start -- --state FILE` keeps the store in FILE between runs (AGENT_ENGINE_MOCK_STATE does the same).
const stateFlag = process.argv.indexOf('--state');
const stateFile = stateFlag > 0 ? process.argv[stateFlag + 1] : undefined;
await runStandaloneMock({ port: Number(process.env.PORT ?? 4010), ...(stateFile ? { stateFile } : {}) });
