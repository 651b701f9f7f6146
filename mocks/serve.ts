// `npm start`: the standalone mock on 127.0.0.1:$PORT (default 4010) until Ctrl-C. The entry point of its bundle
// (scripts/build-mock.mjs); mocks/standalone.ts itself only exports, so bundling it into anything starts nothing.
import { InvalidPortError, parsePort, runStandaloneMock } from './standalone.js';

// `npm start -- --state FILE` keeps the store in FILE between runs (AGENT_ENGINE_MOCK_STATE does the same).
const stateFlag = process.argv.indexOf('--state');
const stateFile = stateFlag > 0 ? process.argv[stateFlag + 1] : undefined;

let port: number;
try {
  port = parsePort(process.env.PORT, 'PORT', 4010);
} catch (error) {
  if (!(error instanceof InvalidPortError)) throw error;
  // A setting the user got wrong: one line saying so, and the exit code the command line gives usage errors.
  console.error(`agent-engine-kit mock: ${error.message}`);
  process.exit(2);
}
await runStandaloneMock({ port, ...(stateFile ? { stateFile } : {}) });
