// `npm start`: the standalone mock on 127.0.0.1:$PORT (default 4010) until Ctrl-C. The entry point of its bundle
// (scripts/build-mock.mjs); mocks/standalone.ts itself only exports, so bundling it into anything starts nothing.
import { InvalidPortError, parsePort, runStandaloneMock } from './standalone.js';

// `npm start -- --state FILE` keeps the store in FILE between runs (AGENT_ENGINE_MOCK_STATE does the same);
// `npm start -- --records N` gives each listable entity N records (AGENT_ENGINE_MOCK_RECORDS does the same).
const flag = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const stateFile = flag('--state');
const recordsText = flag('--records');
const records = recordsText === undefined ? undefined : Number(recordsText);

let port: number;
try {
  port = parsePort(process.env.PORT, 'PORT', 4010);
} catch (error) {
  if (!(error instanceof InvalidPortError)) throw error;
  // A setting the user got wrong: one line saying so, and the exit code the command line gives usage errors.
  console.error(`agent-engine-kit mock: ${error.message}`);
  process.exit(2);
}
if (records !== undefined && !Number.isInteger(records)) {
  console.error(`agent-engine-kit mock: --records: ${recordsText!.slice(0, 20)} is not a whole number`);
  process.exit(2);
}
await runStandaloneMock({ port, ...(stateFile ? { stateFile } : {}), ...(records === undefined ? {} : { records }) });
