// The package users install: runtime-neutral source, within its bundle budget, built for ESM and CommonJS with
// declarations, clean for publint and arethetypeswrong, and nothing in the tarball users do not need.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('the package', () => {
  it('src/ uses web-standard APIs only: no Node built-ins, no Buffer, no bare process', () => {
    const offending: string[] = [];
    for (const file of sourceFiles(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);
      for (const spec of imports) if (spec.startsWith('node:') || /^(fs|path|os|http|https|crypto|stream|url|util|zlib|child_process)$/.test(spec)) offending.push(`${file}: imports ${spec}`);
      if (/\bBuffer\./.test(text)) offending.push(`${file}: uses Buffer`);
      if (/(?<![.\w])process\./.test(text)) offending.push(`${file}: uses process without globalThis`);
    }
    expect(offending).toEqual([]);
  });

  it('the client with openapi-fetch stays under 10 kB minified and gzipped', async () => {
    const { measureBundle } = await import(pathToFileURL(join(root, 'scripts/bundle-size.mjs')).href);
    const figures = await measureBundle();
    console.log(`bundle: ${figures.minifiedBytes} B minified, ${figures.gzippedBytes} B minified+gzipped (budget ${figures.budgetBytes} B)`);
    console.log(`response validator (only with validateResponses): ${figures.validationMinifiedBytes} B minified, ${figures.validationGzippedBytes} B minified+gzipped`);
    expect(figures.includesOpenapiFetch).toBe(true);
    expect(figures.includesSpecs).toBe(false);
    expect(figures.validationGzippedBytes).toBeGreaterThan(10_000); // the specs are there, in the deferred chunk
    expect(figures.nodeBuiltins).toEqual([]);
    expect(figures.gzippedBytes).toBeLessThan(figures.budgetBytes);
  });

  it('builds, and publint, arethetypeswrong and npm pack find nothing wrong', () => {
    const result = spawnSync(process.execPath, [join(root, 'scripts/check-package.mjs')], { cwd: root, encoding: 'utf8' });
    console.log(result.stdout.trim());
    expect(result.stderr.trim()).toBe('');
    expect(result.status).toBe(0);
  }, 180_000);

  it('the built package works from ESM and from CommonJS', async () => {
    const esm = await import(pathToFileURL(join(root, 'dist/index.js')).href);
    const cjs = createRequire(import.meta.url)(join(root, 'dist/index.cjs'));
    for (const kit of [esm, cjs]) {
      const calls: string[] = [];
      const fetch = async (request: Request) => {
        calls.push(new URL(request.url).pathname);
        const body = calls.length === 1 ? { access_token: 'eyJ.e30.sig', token_type: 'bearer', expires_in: 900 } : { active_count: 1, inactive_count: 0, total_count: 1 };
        return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
      };
      const client = kit.createAgentEngineClient({ clientId: 'id', clientSecret: 'secret-value', baseUrl: 'https://api.example.test', fetch });
      expect(await client.workspaces.stats()).toEqual({ active_count: 1, inactive_count: 0, total_count: 1 });
      expect(calls).toEqual(['/api/v1/account/applications/token', '/api/v1/workspaces/stats']);
      expect(new kit.NotFoundError('x')).toBeInstanceOf(kit.AgentEngineError);
    }
  });

  it('validateResponses works from the built package (the validator chunk loads on first use), ESM and CommonJS', async () => {
    const esm = await import(pathToFileURL(join(root, 'dist/index.js')).href);
    const cjs = createRequire(import.meta.url)(join(root, 'dist/index.cjs'));
    for (const kit of [esm, cjs]) {
      const fetch = async (request: Request) => {
        const body = new URL(request.url).pathname.endsWith('/token') ? { access_token: 'eyJ.e30.sig', token_type: 'bearer', expires_in: 900 } : { active_count: 1, inactive_count: 0, total: 1 };
        return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
      };
      const client = kit.createAgentEngineClient({ clientId: 'id', clientSecret: 'secret-value', baseUrl: 'https://api.example.test', fetch, validateResponses: true });
      const error = await client.workspaces.stats().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(kit.SpecViolationError);
    }
    const validation = await import(pathToFileURL(join(root, 'dist/validation.js')).href);
    expect(typeof validation.createResponseValidator).toBe('function');
  });
});
