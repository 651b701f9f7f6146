#!/usr/bin/env node
// npm run verify:live: the kit's validating proxy (`agent-engine-kit proxy --strict`) in front of the real API (or
// VERIFY_UPSTREAM), on http://127.0.0.1:$VERIFY_PORT (default 4012). Route your own traffic through it: a request
// that breaks the spec or a connector's definition is refused with the API's own 422 before it leaves, an answer that
// breaks them becomes a 502 naming the violations, and each violation is a line on stderr. Arguments after `--` go to
// the proxy (e.g. `npm run verify:live -- --report report.json --record traffic.har`). It replaced a Prism proxy,
// which knew the HTTP spec but not the connectors behind execute.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const upstream = process.env.VERIFY_UPSTREAM ?? process.env.AIRBYTE_API_HOST ?? 'https://api.airbyte.ai';
const port = process.env.VERIFY_PORT ?? '4012';

const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--import',
    './scripts/yaml-register.mjs',
    'bin/agent-engine-kit.ts',
    'proxy',
    '--strict',
    '--upstream',
    upstream,
    '--port',
    port,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
