#!/usr/bin/env node
// npm run verify:live: Prism as a validating proxy in front of the real API (or VERIFY_UPSTREAM). Route your own
// traffic through http://127.0.0.1:$VERIFY_PORT (default 4012): requests and responses that break the spec are
// reported (--errors turns them into error answers), the rest pass through unchanged.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const upstream = process.env.VERIFY_UPSTREAM ?? process.env.AIRBYTE_API_HOST ?? 'https://api.airbyte.ai';
const port = process.env.VERIFY_PORT ?? '4012';
const spec = process.env.VERIFY_SPEC ?? 'openapi/agent-engine.yaml';

console.log(`Prism proxy: http://127.0.0.1:${port} -> ${upstream}, checked against ${spec}`);
const prism = spawn(
  process.execPath,
  [
    `${root}node_modules/@stoplight/prism-cli/dist/index.js`,
    'proxy',
    spec,
    upstream,
    '--host',
    '127.0.0.1',
    '--port',
    port,
    '--errors',
  ],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => prism.kill(signal));
prism.on('exit', (code) => process.exit(code ?? 0));
