// `npm start`: the standalone mock on 127.0.0.1:$PORT (default 4010) until Ctrl-C. The entry point of its bundle
// (scripts/build-mock.mjs); mocks/standalone.ts itself only exports, so bundling it into anything starts nothing.
import { parseArgs } from 'node:util';
import { MockConfigError, parseRecords } from './service/config.js';
import { InvalidPortError, parsePort, runStandaloneMock } from './standalone.js';

// `npm start -- --state FILE` keeps the store in FILE between runs (AGENT_ENGINE_MOCK_STATE does the same);
// `npm start -- --records N` gives each listable entity N records (AGENT_ENGINE_MOCK_RECORDS does the same);
// `npm start -- --replay FILE.har` starts from a recording (`agent-engine-kit proxy --record FILE.har`): its workspaces,
// connectors and the records execute answered, served statefully; with --state, the state file must not exist yet.
let port: number;
let stateFile: string | undefined;
let replay: string | undefined;
let records: number | undefined;
try {
  const { values } = parseArgs({
    options: { state: { type: 'string' }, records: { type: 'string' }, replay: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  stateFile = values.state;
  replay = values.replay;
  records = parseRecords(values.records);
  port = parsePort(process.env.PORT, 'PORT', 4010);
} catch (error) {
  if (
    !(
      error instanceof InvalidPortError ||
      error instanceof MockConfigError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    )
  )
    throw error;
  // A setting the user got wrong: one line saying so, and the exit code the command line gives usage errors.
  console.error(`agent-engine-kit mock: ${(error as Error).message}`);
  process.exit(2);
}
await runStandaloneMock({
  port,
  ...(stateFile ? { stateFile } : {}),
  ...(replay ? { replay } : {}),
  ...(records === undefined ? {} : { records }),
});
