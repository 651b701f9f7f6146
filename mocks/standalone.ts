// `npm start`: the stateful mock of both APIs as an HTTP server on 127.0.0.1, straight on node:http (msw is not
// loaded), with a start-up banner, one log line per request and a clean shutdown on SIGINT/SIGTERM.
import { createServer, type Server } from 'node:http';
import { requestListener } from './adapters/node-http.js';
import { MockService } from './service.js';
import {
  DEFAULT_MOCK_CLIENT_SECRET,
  MockConfigError,
  resolveMockConfig,
  type MockConfig,
  type MockOptions,
} from './service/config.js';
import { ReplayError } from './har/read.js';
import { replayedLine } from './service/replay.js';
import { readStateFile, writeStateFile, StateFileError } from './service/state-file.js';
import type { MockStore } from './service/store.js';

/** A port given as text (an environment variable or a command-line option) that is not a port number. */
export class InvalidPortError extends Error {
  override name = 'InvalidPortError';
}

/**
 * The port number in `text`, read from the setting called `name` (e.g. `PORT` or `--port`): `fallback` when the
 * setting is absent, an InvalidPortError naming the setting when it is not a whole number from 0 to 65535. Both
 * `npm start` and `agent-engine-kit mock` read their port through here, so they accept and refuse the same values.
 */
export function parsePort(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  // Number() alone would take '', ' 80', '1e3' and '0x50'; a port is written in plain decimal digits.
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65_535)
    throw new InvalidPortError(`${name} must be an integer from 0 to 65535, got '${text}'`);
  return Number(text);
}

/** Options of the standalone mock: the mock's own, and where it listens. */
export interface StandaloneOptions extends MockOptions {
  /** The port to listen on; 0 picks a free one (read it from `url`). Default 4010. */
  port?: number;
  /** The address to listen on. Default 127.0.0.1. */
  host?: string;
  /** Where request log lines go (a client secret other than the demo one is replaced in them); none when false. */
  log?: ((line: string) => void) | false;
  /**
   * Keep the store in this file between runs: loaded at start (a file that is not the mock's, or of another version,
   * seed or organization, is refused), written atomically after every change the mock answers. With `replay`, the
   * file must not exist yet (a ReplayError says so): the recording seeds it, and it keeps everything from then on.
   */
  stateFile?: string;
}

/**
 * Log lines to stdout, written together once per turn of the event loop rather than one write each (a write per
 * request is a good share of the cost of a request under load). Order is kept; lines pending at exit are written.
 */
function batchedStdout(): (line: string) => void {
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const text = `${pending.join('\n')}\n`;
    pending = [];
    process.stdout.write(text);
  };
  process.once('exit', flush);
  return (line) => {
    if (pending.push(line) === 1) setImmediate(flush);
  };
}

/** A running standalone mock, from `startStandaloneMock`. */
export interface StandaloneMock {
  /** The node:http server. */
  server: Server;
  /** The service behind it: store, clock, faults, reset. */
  service: MockService;
  /** Its origin, e.g. `http://127.0.0.1:4010`: the client's `baseUrl`. */
  url: string;
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

/**
 * Both APIs served over HTTP by node:http (no MSW), for a client in another process, a browser or another language.
 * @example
 * ```ts
 * const mock = await startStandaloneMock({ port: 0, log: false });
 * const client = createAgentEngineClient({ baseUrl: mock.url, clientId: DEFAULT_MOCK_CLIENT_ID, clientSecret: DEFAULT_MOCK_CLIENT_SECRET });
 * // ...
 * await mock.close();
 * ```
 */
export async function startStandaloneMock(options: StandaloneOptions = {}): Promise<StandaloneMock> {
  const stateFile = options.stateFile;
  // Without an organization of the options', a state file's own (a replayed recording's) is taken.
  const saved = stateFile
    ? readStateFile(stateFile, { seed: resolveMockConfig(options).seed, organizationId: options.organizationId })
    : null;
  if (saved && options.replay !== undefined)
    throw new ReplayError(
      `${stateFile} exists already (the store of an earlier run): delete it to replay ${typeof options.replay === 'string' ? options.replay : 'the recording'} again, or drop --replay to go on from it`,
    );
  const service = new MockService({
    ...options,
    ...(stateFile
      ? {
          ...(saved ? { initialState: saved } : {}),
          onChange: (store: MockStore) => writeStateFile(stateFile, store.snapshot()),
        }
      : {}),
  });
  // The replayed store is kept at once: a restart with --state alone goes on from it.
  if (stateFile && service.replayed) writeStateFile(stateFile, service.store.snapshot());
  const host = options.host ?? '127.0.0.1';
  const sink = options.log === false ? undefined : (options.log ?? batchedStdout());
  const scrub = secretScrubber(service.config.clientSecret);
  const log = sink && ((line: string) => sink(scrub(line)));
  let origin = '';

  const server = createServer(requestListener(service, () => origin, log));
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  origin = `http://${host}:${port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { server, service, url: origin, close };
}

/**
 * A log line with a client secret the user set replaced (as written, or as a client percent-encodes it in a URL's path
 * or query): a caller that puts it in a URL must not get it printed. The demo default is public and stays.
 */
function secretScrubber(secret: string): (line: string) => string {
  if (secret === '' || secret === DEFAULT_MOCK_CLIENT_SECRET) return (line) => line;
  const forms = [
    ...new Set([
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2),
      new URL(`http://h/?${secret}`).search.slice(1),
      new URL(`http://h/${secret}`).pathname.slice(1),
    ]),
  ].filter((form) => form !== '');
  return (line) => forms.reduce((out, form) => out.split(form).join('[client secret]'), line);
}

/**
 * The client secret as the banner shows it: the demo default as it is; one the user set, by where it came from (a
 * banner lands in terminals, CI logs and screenshots).
 */
function secretShown(config: MockConfig, options: MockOptions): { text: string; json: string } {
  if (config.clientSecret === DEFAULT_MOCK_CLIENT_SECRET)
    return { text: config.clientSecret, json: config.clientSecret };
  if (options.clientSecret !== undefined)
    return { text: '(the clientSecret option)', json: '<the clientSecret option>' };
  // Read from the environment by the shell that runs the curl line.
  return { text: '(from AGENT_ENGINE_MOCK_CLIENT_SECRET)', json: `'"$AGENT_ENGINE_MOCK_CLIENT_SECRET"'` };
}

function banner(url: string, service: MockService, options: MockOptions): string {
  const { clientId } = service.config;
  const secret = secretShown(service.config, options);
  const demo = service.config.clientSecret === DEFAULT_MOCK_CLIENT_SECRET;
  return [
    '',
    `  agent-engine-kit mock API on ${url}`,
    '',
    `    Agent Engine API   ${url}/api/v1/...`,
    `    Airbyte API (v1)   ${url}/v1/...`,
    `    ${demo ? 'demo credentials' : 'credentials     '}   client_id=${clientId}  client_secret=${secret.text}`,
    '                       (AGENT_ENGINE_MOCK_CLIENT_ID / AGENT_ENGINE_MOCK_CLIENT_SECRET to change them)',
    `    organization id    ${service.config.organizationId}`,
    '',
    '  Try it:',
    `    curl -s -X POST ${url}/api/v1/account/applications/token -H 'Content-Type: application/json' \\`,
    `      -d '{"client_id": "${clientId}", "client_secret": "${secret.json}"}'`,
    '',
    '  Ctrl-C stops it.',
    '',
  ].join('\n');
}

/** What to tell the user when the server could not listen, or undefined for an error that is not about listening. */
function listenProblem(error: unknown, host: string, port: number): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // A nearby port to suggest; both ways of starting the mock are named, as this runs under either.
  const other = port === 0 ? 4010 : port <= 65_525 ? port + 10 : port - 10;
  const elsewhere = `set PORT to another port (PORT=${other} npm start), or pass --port ${other} to agent-engine-kit mock`;
  switch (code) {
    case 'EADDRINUSE':
      return `port ${port} is in use on ${host}; ${elsewhere}`;
    case 'EACCES':
      return `port ${port} on ${host} needs privileges this process does not have; ${elsewhere}`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `cannot listen on ${host}: it is not an address of this machine (--host, default 127.0.0.1)`;
    default:
      return undefined;
  }
}

/** `npm start` and `agent-engine-kit mock`: the mock with its banner, until SIGINT or SIGTERM. */
export async function runStandaloneMock(options: StandaloneOptions = {}): Promise<StandaloneMock> {
  const started = performance.now();
  const stateFile = options.stateFile ?? process.env.AGENT_ENGINE_MOCK_STATE;
  let mock: StandaloneMock;
  try {
    mock = await startStandaloneMock({ ...options, ...(stateFile ? { stateFile } : {}) });
  } catch (error) {
    // What a user can fix (a taken port, a state file that is not the mock's) is said in one line, without a stack;
    // a recording that cannot be replayed is a usage error (exit code 2), as a bad option is.
    const problem =
      error instanceof StateFileError || error instanceof MockConfigError || error instanceof ReplayError
        ? error.message
        : listenProblem(error, options.host ?? '127.0.0.1', options.port ?? 4010);
    if (problem === undefined) throw error;
    console.error(`agent-engine-kit mock: ${problem}`);
    process.exit(error instanceof ReplayError ? 2 : 1);
  }
  for (const warning of mock.service.replayed?.warnings ?? []) console.error(`agent-engine-kit mock: ${warning}`);
  console.log(banner(mock.url, mock.service, options));
  if (mock.service.replayed) console.log(replayedLine(mock.service.replayed));
  if (stateFile) console.log(`  state kept in ${stateFile} (AGENT_ENGINE_MOCK_STATE or --state)`);
  const records = mock.service.config.recordsPerEntity;
  if (records !== undefined)
    console.log(
      `  ${records.toLocaleString('en-US')} records per listable entity, each built when first read (--records)`,
    );
  console.log(`  ready in ${(performance.now() - started).toFixed(0)} ms\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, async () => {
      await new Promise((resolve) => setImmediate(resolve)); // the log lines still batched go out first
      console.log(`\n  ${signal}: shutting down`);
      await mock.close();
      process.exit(0);
    });
  }
  return mock;
}
