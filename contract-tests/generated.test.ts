// generated/ must be exactly what openapi-typescript makes of openapi/ now: a spec change without `npm run generate`
// fails the tests.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const script = join(root, 'scripts/generate-types.mjs');
const runCheck = (...args: string[]) => spawnSync(process.execPath, [script, '--check', ...args], { encoding: 'utf8' });

describe('generated types', () => {
  const copy = mkdtempSync(join(tmpdir(), 'agent-engine-kit-generated-'));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('are up to date with the specs', () => {
    const result = runCheck();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 60_000); // 53 specs: a few seconds, more on a busy machine

  it('are reported stale, by file, when a spec field is renamed without regenerating', () => {
    for (const entry of ['openapi', 'generated', 'redocly.yaml']) cpSync(join(root, entry), join(copy, entry), { recursive: true });
    const spec = join(copy, 'openapi/agent-engine.yaml');
    const text = readFileSync(spec, 'utf8');
    expect(text).toContain('        execution_time_ms:');
    writeFileSync(spec, text.replace('        execution_time_ms:', '        execution_ms:'));

    const result = runCheck('--root', copy, '--only', 'agent-engine,airbyte-api-v1');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('generated/agent-engine.d.ts');
    expect(result.stderr).not.toContain('generated/airbyte-api-v1.d.ts');
  });
});
