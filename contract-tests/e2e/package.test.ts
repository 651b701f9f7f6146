// The package users install: runtime-neutral source, within its bundle budget, built for ESM and CommonJS with
// declarations, clean for publint and arethetypeswrong, nothing in the tarball users do not need, and documented in
// the editor of a project that installs it.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, runNodeProcess, startProcess } from '../support/processes.js';
import { openConsumerProject, type ConsumerProject } from '../support/quick-info.js';
import { planBrowserSuite, launchBrowser } from '../support/browser.js';

/**
 * A program's stderr without Node's own experimental-feature notices: on Node 26 msw's cookie store touches the
 * global localStorage, and Node says so. Anything else on stderr is still a failure.
 */
const withoutNodeWarnings = (stderr: string) =>
  stderr
    .split('\n')
    .filter((line) => !/^\(node:\d+\) ExperimentalWarning: |^\(Use `node --trace-warnings/.test(line))
    .join('\n');

const root = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('the package', () => {
  it('src/ uses web-standard APIs only: no Node built-ins, no Buffer, no bare process', () => {
    const offending: string[] = [];
    for (const file of sourceFiles(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);
      for (const spec of imports)
        if (
          spec.startsWith('node:') ||
          /^(fs|path|os|http|https|crypto|stream|url|util|zlib|child_process)$/.test(spec)
        )
          offending.push(`${file}: imports ${spec}`);
      if (/\bBuffer\./.test(text)) offending.push(`${file}: uses Buffer`);
      if (/(?<![.\w])process\./.test(text)) offending.push(`${file}: uses process without globalThis`);
    }
    expect(offending).toEqual([]);
  });

  it("source maps keep our code's mappings as they were and drop bundled packages; a chunk of theirs alone loses its map", async () => {
    const { pruneSourceMaps } = await import(pathToFileURL(join(root, 'scripts/prune-source-maps.mjs')).href);
    const { SourceMap } = await import('node:module');
    const { build } = await import('esbuild');
    // A project in miniature: our module (src/) calls a bundled package's (node_modules/); a second entry is theirs only.
    const project = mkdtempSync(join(tmpdir(), 'agent-engine-kit-maps-'));
    try {
      mkdirSync(join(project, 'src'));
      mkdirSync(join(project, 'node_modules/lib'), { recursive: true });
      writeFileSync(
        join(project, 'node_modules/lib/index.js'),
        'const mark = "!";\nexport function shout(text) {\n  const loud = text.toUpperCase();\n  return loud + mark;\n}\n',
      );
      writeFileSync(
        join(project, 'src/main.js'),
        "import { shout } from 'lib';\n\nconst mark = '?';\nexport function greet(name) {\n  const greeting = 'hello ' + name + mark;\n  return shout(greeting);\n}\n",
      );
      await build({
        entryPoints: { main: join(project, 'src/main.js'), theirs: join(project, 'node_modules/lib/index.js') },
        bundle: true,
        format: 'esm',
        sourcemap: true,
        outdir: join(project, 'dist'),
        logLevel: 'silent',
      });
      const read = (file: string) => readFileSync(join(project, 'dist', file), 'utf8');
      const before = JSON.parse(read('main.js.map'));
      const code = read('main.js');
      expect(before.sources.sort()).toEqual(['../node_modules/lib/index.js', '../src/main.js']);

      expect(pruneSourceMaps(join(project, 'dist'), '.js')).toMatchObject({ kept: 1, removed: 1 });
      const after = JSON.parse(read('main.js.map'));
      expect(after.sources).toEqual(['../src/main.js']);
      expect(after.sourcesContent).toEqual([readFileSync(join(project, 'src/main.js'), 'utf8')]);
      expect(read('main.js')).toBe(code);
      // Every position of the output that mapped into our file maps to the same place as before (Node's own reader).
      const [was, is] = [new SourceMap(before), new SourceMap(after)];
      let ours = 0;
      code.split('\n').forEach((line, at) => {
        for (let column = 0; column < line.length; column++) {
          const entry = was.findEntry(at, column) as { originalSource?: string };
          if (!entry.originalSource?.endsWith('src/main.js')) continue;
          ours += 1;
          expect(is.findEntry(at, column), `${at}:${column}`).toEqual(entry);
        }
      });
      expect(ours).toBeGreaterThan(40);
      // Both modules declare `mark`, so esbuild renames one and the maps carry names: ours keeps its own.
      expect(before.names.length).toBeGreaterThan(0);
      expect(after.names).toEqual(['mark']);
      // Every position that mapped into the package maps to nothing now: the segment before it, read here by a decoder
      // of the format's own (base64 VLQ), is one that names no source.
      const unmapped = (mappings: string, line: number, column: number) => {
        const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
        let last: number[] | undefined;
        let generated = 0;
        for (const segment of (mappings.split(';')[line] ?? '').split(',').filter(Boolean)) {
          const fields: number[] = [];
          let value = 0;
          let shift = 0;
          for (const digit of segment) {
            const bits = digits.indexOf(digit);
            value += (bits & 31) << shift;
            shift += 5;
            if (bits & 32) continue;
            fields.push(value & 1 ? -(value >> 1) : value >> 1);
            value = 0;
            shift = 0;
          }
          generated += fields[0]!;
          if (generated > column) break;
          last = fields;
        }
        return last === undefined || last.length === 1;
      };
      let theirs = 0;
      code.split('\n').forEach((line, at) => {
        for (let column = 0; column < line.length; column++) {
          const entry = was.findEntry(at, column) as { originalSource?: string; generatedLine?: number };
          if (!entry.originalSource?.includes('node_modules') || entry.generatedLine !== at) continue;
          theirs += 1;
          expect(unmapped(after.mappings, at, column), `${at}:${column}`).toBe(true);
        }
      });
      expect(theirs).toBeGreaterThan(40);
      // One line of ours, theirs, ours (as minified code has): their range ends our mapping, which resumes after it.
      const { pruneMap } = await import(pathToFileURL(join(root, 'scripts/prune-source-maps.mjs')).href);
      const mixed = pruneMap(
        { version: 3, sources: ['ours.js', 'theirs.js'], names: [], mappings: 'AAAA,UCAA,UDAC' },
        (source: string) => source === 'ours.js',
      );
      expect(mixed.sources).toEqual(['ours.js']);
      expect([0, 9, 10, 19, 20].map((column) => unmapped(mixed.mappings, 0, column))).toEqual([
        false,
        false,
        true,
        true,
        false,
      ]);
      // The chunk of the package alone: no map, and no comment pointing at one.
      expect(readdirSync(join(project, 'dist')).sort()).toEqual(['main.js', 'main.js.map', 'theirs.js']);
      expect(read('theirs.js')).not.toContain('sourceMappingURL');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it("package.json's files against a pack: a file it does not name, an entry naming nothing, a build output or an export left out", async () => {
    const { filesMismatches } = await import(pathToFileURL(join(root, 'scripts/package-contents.mjs')).href);
    const pkg = {
      files: ['dist/*.js', 'dist/connectors/*.json', 'README.md'],
      main: './dist/index.js',
      exports: { '.': './dist/index.js', './connectors/*.json': './dist/connectors/*.json' },
    };
    const packed = ['README.md', 'dist/index.js', 'dist/connectors/github.json', 'package.json'];
    const built = ['dist/index.js', 'dist/connectors/github.json'];
    expect(filesMismatches(pkg, packed, built)).toEqual([]);
    expect(filesMismatches(pkg, [...packed, 'dist/index.js.map'], built)).toEqual([
      'packed, but no entry of files names it: dist/index.js.map',
    ]);
    expect(filesMismatches({ ...pkg, files: [...pkg.files, 'openapi/'] }, packed, built)).toEqual([
      'files names what is not packed: openapi/',
    ]);
    expect(filesMismatches(pkg, packed, [...built, 'dist/chunk-X.cjs'])).toEqual([
      'built, but not packed: dist/chunk-X.cjs',
    ]);
    expect(filesMismatches({ ...pkg, exports: { ...pkg.exports, './mock': './dist/mock.js' } }, packed, built)).toEqual(
      ['package.json points at what is not packed: dist/mock.js'],
    );
  });

  it('the client with openapi-fetch stays under 10 kB minified and gzipped; the validator and the paging table load apart', async () => {
    const { measureBundle } = await import(pathToFileURL(join(root, 'scripts/bundle-size.mjs')).href);
    const figures = await measureBundle();
    console.log(
      `bundle: ${figures.minifiedBytes} B minified, ${figures.gzippedBytes} B minified+gzipped (budget ${figures.budgetBytes} B)`,
    );
    console.log(
      `response validator (only with validateResponses): ${figures.validationMinifiedBytes} B minified, ${figures.validationGzippedBytes} B minified+gzipped`,
    );
    console.log(
      `connector paging table (only when an execute is paged): ${figures.pagingMinifiedBytes} B minified, ${figures.pagingGzippedBytes} B minified+gzipped`,
    );
    expect(figures.includesOpenapiFetch).toBe(true);
    expect(figures.includesSpecs).toBe(false);
    expect(figures.includesPagingTable).toBe(false);
    expect(figures.validationGzippedBytes).toBeGreaterThan(10_000); // the specs are there, in the deferred chunk
    expect(figures.pagingGzippedBytes).toBeGreaterThan(3_000); // so is the paging table, in a chunk of its own
    expect(figures.nodeBuiltins).toEqual([]);
    expect(figures.gzippedBytes).toBeLessThan(figures.budgetBytes);
  });

  it("the bundle's figures do not move with the content hashes in its chunks' names", async () => {
    const { withStableChunkNames } = await import(pathToFileURL(join(root, 'scripts/bundle-size.mjs')).href);
    const stable = (code: string) => withStableChunkNames(Buffer.from(code)).toString();
    const before =
      'import{a}from"./chunk-ZZBNRQA2.js";import("./validation-FQNRYWO2.js");import("./chunk-ZZBNRQA2.js")';
    const after = 'import{a}from"./chunk-K7QX2ABC.js";import("./validation-MN3PQ4RS.js");import("./chunk-K7QX2ABC.js")';
    expect(stable(after)).toBe(stable(before));
    expect(stable(before)).toHaveLength(before.length);
    const names = [...stable(before).matchAll(/-([A-Z2-7]{8})\.js/g)].map((m) => m[1]);
    expect(names[0]).toBe(names[2]); // one chunk, one name
    expect(names[0]).not.toBe(names[1]); // two chunks, two names
    // Anything but a chunk's hash stays as it was.
    expect(stable('const title = "ISSUE-ABCDEFGH", url = "./page-ABCDEFGH.json";')).toBe(
      'const title = "ISSUE-ABCDEFGH", url = "./page-ABCDEFGH.json";',
    );
  });

  const work = mkdtempSync(join(tmpdir(), 'agent-engine-kit-consumer-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('builds, and publint, arethetypeswrong and npm pack find nothing wrong', () => {
    // Without the consumer's timings (the test below installs the tarball itself; .ci/run runs the whole check alone).
    const result = spawnSync(process.execPath, [join(root, 'scripts/check-package.mjs'), '--skip-consumer'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, PACK_DESTINATION: work },
    });
    console.log(result.stdout.trim());
    expect(result.stderr.trim()).toBe('');
    expect(result.status).toBe(0);
  }, 180_000);

  it('a build bundles the declarations again only when what they are made from changed (else reuses the last ones)', async () => {
    const { declarationsKey } = await import(pathToFileURL(join(root, 'scripts/build-package.mjs')).href);
    const base = `${mkdtempSync(join(tmpdir(), 'agent-engine-kit-declarations-'))}/`;
    try {
      const write = (file: string, text: string) => {
        mkdirSync(dirname(join(base, file)), { recursive: true });
        writeFileSync(join(base, file), text);
      };
      const emitted = 'mock-dist/declarations/src';
      write(`${emitted}/index.d.ts`, 'export declare function total(): number;\n');
      write(`${emitted}/index.d.ts.map`, '{}');
      write('tsup.config.ts', 'export default {};\n');
      const first = declarationsKey(base);
      expect(declarationsKey(base)).toBe(first);
      // A file that is not a declaration (tsc's maps, build info) changes nothing.
      write(`${emitted}/index.d.ts.map`, '{"version":3}');
      expect(declarationsKey(base)).toBe(first);
      // A public type changed: bundled again; changed back: the same key as before.
      write(`${emitted}/index.d.ts`, 'export declare function total(): string;\n');
      expect(declarationsKey(base)).not.toBe(first);
      write(`${emitted}/index.d.ts`, 'export declare function total(): number;\n');
      expect(declarationsKey(base)).toBe(first);
      // tsup's configuration changed.
      write('tsup.config.ts', 'export default { minify: true };\n');
      expect(declarationsKey(base)).not.toBe(first);
      write('tsup.config.ts', 'export default {};\n');
      // A declaration file more, or the same text under another name.
      write(`${emitted}/extra.d.ts`, 'export {};\n');
      expect(declarationsKey(base)).not.toBe(first);
      rmSync(join(base, `${emitted}/extra.d.ts`));
      expect(declarationsKey(base)).toBe(first);
      renameSync(join(base, `${emitted}/index.d.ts`), join(base, `${emitted}/main.d.ts`));
      expect(declarationsKey(base)).not.toBe(first);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  /** The built package as ESM and as CommonJS. */
  const builtKits = async () => [
    await import(pathToFileURL(join(root, 'dist/index.js')).href),
    createRequire(import.meta.url)(join(root, 'dist/index.cjs')),
  ];
  /** A client of a built package over a stub `fetch`. */
  const builtClient = (kit: any, fetch: (request: Request) => Promise<Response>) =>
    kit.createAgentEngineClient({
      clientId: 'id',
      clientSecret: 'secret-value',
      baseUrl: 'https://api.example.test',
      fetch,
    });

  it('the built package works from ESM and from CommonJS', async () => {
    for (const kit of await builtKits()) {
      const calls: string[] = [];
      const fetch = async (request: Request) => {
        calls.push(new URL(request.url).pathname);
        const body =
          calls.length === 1
            ? { access_token: 'eyJ.e30.sig', token_type: 'bearer', expires_in: 900 }
            : { active_count: 1, inactive_count: 0, total_count: 1 };
        return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
      };
      const client = builtClient(kit, fetch);
      expect(await client.workspaces.stats()).toEqual({ active_count: 1, inactive_count: 0, total_count: 1 });
      expect(calls).toEqual(['/api/v1/account/applications/token', '/api/v1/workspaces/stats']);
      expect(new kit.NotFoundError('x')).toBeInstanceOf(kit.AgentEngineError);
    }
  });

  it('validateResponses works from the built package (the validator chunk loads on first use), ESM and CommonJS', () => {
    // In a Node process of its own: the validator's import is hidden from bundlers (scripts/hide-validator-import.mjs),
    // so only a real module loader resolves it, not the test runner's.
    const program = `
      import { createRequire } from 'node:module';
      const esm = await import(${JSON.stringify(pathToFileURL(join(root, 'dist/index.js')).href)});
      const cjs = createRequire(import.meta.url)(${JSON.stringify(join(root, 'dist/index.cjs'))});
      const fetch = async (request) => Response.json(new URL(request.url).pathname.endsWith('/token')
        ? { access_token: 'eyJ.e30.sig', token_type: 'bearer', expires_in: 900 }
        : { active_count: 1, inactive_count: 0, total: 1 });
      const seen = [];
      for (const kit of [esm, cjs]) {
        const client = kit.createAgentEngineClient({ clientId: 'id', clientSecret: 'secret-value', baseUrl: 'https://api.example.test', fetch, validateResponses: true });
        const error = await client.workspaces.stats().catch((e) => e);
        seen.push(error instanceof kit.SpecViolationError);
      }
      console.log(JSON.stringify(seen));`;
    const ran = spawnSync(process.execPath, ['--input-type=module', '-e', program], { encoding: 'utf8' });
    expect(ran.stderr).toBe('');
    expect(JSON.parse(ran.stdout)).toEqual([true, true]);
  });

  it('executePages works from the built package (the paging table chunk loads on first use), ESM and CommonJS', async () => {
    for (const kit of await builtKits()) {
      const sent: unknown[] = [];
      const fetch = async (request: Request) => {
        if (new URL(request.url).pathname.endsWith('/token'))
          return new Response(JSON.stringify({ access_token: 'eyJ.e30.sig', token_type: 'bearer', expires_in: 900 }), {
            headers: { 'content-type': 'application/json' },
          });
        const { params } = (await request.json()) as { params: { after?: string } };
        sent.push(params);
        const at = Number(params.after ?? 0);
        const body = {
          status: 'success',
          result: [{ id: at + 1 }],
          connector_metadata: { has_next_page: at < 2, end_cursor: String(at + 1) },
          execution_metadata: { connector_instance_id: 'c', execution_time_ms: 1 },
        };
        return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
      };
      const client = builtClient(kit, fetch);
      const ids: unknown[] = [];
      for await (const record of client.connectors.executeRecords(
        'c',
        { entity: 'issues', action: 'list' },
        { connector: 'github' },
      ))
        ids.push((record as { id: number }).id);
      expect(ids).toEqual([1, 2, 3]);
      expect(sent).toEqual([{}, { after: '1' }, { after: '2' }]);
    }
  });

  it("npm run bench's token single-flight, on the built client: one token request for any number of concurrent calls", async () => {
    const { benchSingleFlight } = await import('../../bench/client.js');
    const rows = await benchSingleFlight([1, 10, 100, 1000]);
    expect(rows.map((r) => [r.concurrent, r.apiRequests, r.tokenRequests])).toEqual([
      [1, 1, 1],
      [10, 10, 1],
      [100, 100, 1],
      [1000, 1000, 1],
    ]);
  });

  // After the build above (tests of one file run in order): the tarball (packed by check-package into `work`),
  // installed by a project of its own, which the next test reads hovers from.
  let consumer: ConsumerProject | undefined;
  /** The project of the test below, once it installed the tarball. */
  let installedApp: string | undefined;

  it('a fresh project installs the npm pack tarball and uses it from ESM, CommonJS, TypeScript (node16 and bundler) and its bin', async () => {
    // The tarball check-package packed and checked; packed here when this test runs alone.
    let tarball = readdirSync(work).find((file) => file.endsWith('.tgz'));
    if (!tarball) {
      const packed = spawnSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' });
      expect(packed.status, packed.stderr).toBe(0);
      tarball = (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename;
    }
    tarball = join(work, tarball);
    const app = join(work, 'app');
    cpSync(join(root, 'contract-tests/fixtures/consumer'), app, { recursive: true });
    for (const name of ['consumer.ts', 'consumer.mts', 'consumer.cts'])
      copyFileSync(join(root, 'bench/consumer/consumer.ts'), join(app, name));
    copyFileSync(join(root, 'bench/consumer/typed-connectors.ts'), join(app, 'typed-connectors.ts'));
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }),
    );
    // The tarball alone, as a client-only app installs it (openapi-fetch from npm's cache, which CI's npm ci filled).
    const install = spawnSync(
      'npm',
      ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'],
      {
        cwd: app,
        encoding: 'utf8',
      },
    );
    expect(install.status, install.stderr).toBe(0);
    // A client-only install brings openapi-fetch and nothing else: ajv and js-yaml are bundled, msw is an optional peer.
    const installed = JSON.parse(readFileSync(join(app, 'node_modules/agent-engine-kit/package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      peerDependenciesMeta: Record<string, { optional?: boolean }>;
    };
    expect(Object.keys(installed.dependencies)).toEqual(['openapi-fetch']);
    expect(
      readdirSync(join(app, 'node_modules'))
        .filter((name) => !name.startsWith('.'))
        .sort(),
    ).toEqual(['agent-engine-kit', 'openapi-fetch', 'openapi-typescript-helpers']);
    expect(installed.peerDependenciesMeta.msw?.optional).toBe(true);
    expect(installed.peerDependenciesMeta.ai?.optional).toBe(true);
    expect(installed.peerDependenciesMeta['@openai/agents-core']?.optional).toBe(true);
    // What the rest of the project uses besides the kit, this project's copies linked in (installing them again cost the
    // test seconds and, with openai, 80 MB): msw, the optional peer setupMockServer needs (the fixture uses it);
    // @types/node, since the mock entry is for Node and its declarations say so; ai and @openai/agents-core, the
    // framework adapters' optional peers. The kit resolves them from the app, as it would from a user's install.
    mkdirSync(join(app, 'node_modules/@openai'), { recursive: true });
    mkdirSync(join(app, 'node_modules/@types'), { recursive: true });
    for (const peer of ['msw', '@types/node', 'ai', '@openai/agents-core'])
      symlinkSync(join(root, 'node_modules', peer), join(app, 'node_modules', peer), 'dir');
    installedApp = app;

    // Both type-checks at once: tsc on the bundler project in a process of its own, the node16 project here by the
    // language service an editor would use (its diagnostics are tsc's), kept for the hovers of the next test.
    const bundler = runNodeProcess([join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.bundler.json'], {
      cwd: app,
    });
    const project = openConsumerProject(app, 'tsconfig.node16.json');
    expect(project.diagnostics(), 'tsconfig.node16.json').toEqual([]);
    const checked = await bundler;
    expect(checked.stdout + checked.stderr, 'tsconfig.bundler.json').toBe('');
    expect(checked.code).toBe(0);
    consumer = project;

    // The package's own bin starts the mock; ESM and CommonJS programs use it.
    const port = String(await freePort());
    const { child: mock } = await startProcess(
      join(app, 'node_modules/.bin/agent-engine-kit'),
      ['mock', '--port', port, '--quiet'],
      /ready in \d+ ms/,
      { cwd: app, timeoutMs: 30_000 },
    );
    try {
      const env = { ...process.env, MOCK_URL: `http://127.0.0.1:${port}` };
      const esm = spawnSync(process.execPath, ['esm.mjs'], { cwd: app, encoding: 'utf8', env });
      expect(withoutNodeWarnings(esm.stderr)).toBe('');
      expect(JSON.parse(esm.stdout)).toEqual({
        issues: 5,
        typed: [3, true],
        notFound: true,
        required: ['entity', 'action'],
        total: 'number',
      });
      const cjs = spawnSync(process.execPath, ['cjs.cjs'], { cwd: app, encoding: 'utf8', env });
      expect(withoutNodeWarnings(cjs.stderr)).toBe('');
      expect(JSON.parse(cjs.stdout)).toEqual({ names: ['HubSpot'], refused: true, schema: 'object' });

      const agents = spawnSync(process.execPath, ['agents.mjs'], { cwd: app, encoding: 'utf8', env });
      expect(withoutNodeWarnings(agents.stderr)).toBe('');
      expect(JSON.parse(agents.stdout)).toEqual({
        listed: 2,
        refused: true,
        agentsTool: ['function', false, 'object'],
      });

      // The bin's MCP server runs from the install alone (the MCP SDK is bundled into it), driven by the official client.
      const { Client } = await import('@modelcontextprotocol/client');
      const { StdioClientTransport } = await import('@modelcontextprotocol/client/stdio');
      const mcp = new Client({ name: 'package-test', version: '1.0.0' });
      await mcp.connect(
        new StdioClientTransport({
          command: join(app, 'node_modules/.bin/agent-engine-kit'),
          args: ['mcp', '--base-url', env.MOCK_URL, '--tools', 'dynamic'],
          cwd: app,
          env: { PATH: process.env.PATH ?? '' },
          stderr: 'ignore',
        }),
      );
      try {
        expect((await mcp.listTools()).tools.map((t) => t.name)).toEqual([
          'list_connectors',
          'describe_action',
          'execute_action',
        ]);
        const described = await mcp.callTool({
          name: 'describe_action',
          arguments: { connector: 'github', entity: 'issues', action: 'list' },
        });
        // The programs above made the organization's GitHub connector; its list's params come from the definition.
        const text = (described as { content: { text: string }[] }).content[0]!.text;
        expect(JSON.parse(text).params.properties.per_page).toMatchObject({ maximum: 100 });
      } finally {
        await mcp.close();
      }
    } finally {
      mock.kill('SIGTERM');
    }
  }, 240_000);

  // The same install bundled into one file (no code splitting), as some apps and serverless builds are: the response
  // validator stays out unless the app imports it, and `validateResponses: true` there says what to pass instead.
  it('a single-file bundle of the client leaves the response validator out; the validator comes in when the app imports it', async () => {
    expect(installedApp, 'the project of the test above').toBeDefined();
    const dir = join(installedApp!, 'single-file');
    cpSync(join(root, 'contract-tests/fixtures/single-file'), dir, { recursive: true });
    const { build } = await import('esbuild');
    const { gzipSync } = await import('node:zlib');
    const bundle = async (entry: string) => {
      const result = await build({
        entryPoints: [join(dir, entry)],
        bundle: true,
        splitting: false,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        write: false,
        logLevel: 'silent',
        minify: true,
        absWorkingDir: dir,
      });
      const out = join(dir, entry.replace(/\.mjs$/, '.bundle.mjs'));
      writeFileSync(out, result.outputFiles[0]!.contents);
      return { out, gzipped: gzipSync(result.outputFiles[0]!.contents).length, text: result.outputFiles[0]!.text };
    };
    const plain = await bundle('plain.mjs');
    // The specs' own words are the validator's: none of them in a client that does not import it.
    expect(plain.text).not.toContain('x-exactly-one-of');
    expect(plain.gzipped).toBeLessThan(20_000);
    const validating = await bundle('validating.mjs');
    expect(validating.text).toContain('x-exactly-one-of');

    // Each bundle run on its own, away from the package: the imported validator works; `true` says what to do.
    const away = mkdtempSync(join(tmpdir(), 'agent-engine-kit-single-'));
    try {
      for (const bundled of [plain, validating]) copyFileSync(bundled.out, join(away, bundled.out.split('/').at(-1)!));
      const ran = (file: string) => spawnSync(process.execPath, [join(away, file)], { encoding: 'utf8' });
      const withFactory = ran('validating.bundle.mjs');
      expect(withFactory.stderr).toBe('');
      expect(JSON.parse(withFactory.stdout)).toEqual({ violations: 1, pointer: '/definitions' });
      const withTrue = ran('plain.bundle.mjs');
      expect(withTrue.stderr).toBe('');
      expect(JSON.parse(withTrue.stdout).message).toMatch(
        /^validateResponses: true loads agent-engine-kit's validator chunk at run time.*pass validateResponses: createResponseValidator, imported from 'agent-engine-kit\/validation'$/,
      );
    } finally {
      rmSync(away, { recursive: true, force: true });
    }
  }, 60_000);

  // A front-end project of the same install: agent-engine-kit/mock/browser bundled by esbuild and by Vite without any
  // Node built-in, msw's worker script placed by msw's own `init`, and the Vite build run in headless Chromium.
  // Without a browser (outside CI) the Chromium part is left out with a warning; everything before it still runs.
  it('a front-end project bundles agent-engine-kit/mock/browser with esbuild and Vite and runs it in Chromium', async () => {
    expect(installedApp, 'the project of the test above').toBeDefined();
    const frontend = join(installedApp!, 'frontend');
    cpSync(join(root, 'contract-tests/fixtures/frontend'), frontend, { recursive: true });
    const init = spawnSync(
      process.execPath,
      [join(installedApp!, 'node_modules/msw/cli/index.js'), 'init', join(frontend, 'public'), '--no-save'],
      { cwd: installedApp, encoding: 'utf8' },
    );
    expect(init.status, init.stderr).toBe(0);

    const { build } = await import('esbuild');
    const bundled = await build({
      entryPoints: [join(frontend, 'main.js')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
      absWorkingDir: frontend,
    });
    const code = bundled.outputFiles[0]!.text;
    expect(code).not.toMatch(/from ["']node:|require\(["'](fs|url|path|node:[a-z]+)["']\)/);

    const vite = await import('vite');
    const outDir = join(frontend, 'dist');
    await vite.build({
      root: frontend,
      configFile: false,
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, target: 'es2022' },
    });
    const assets = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js'));
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets)
      expect(readFileSync(join(outDir, 'assets', asset), 'utf8')).not.toMatch(/from ["']node:/);

    // Vite's build served as a static site, as a front-end project deploys it.
    const { serveFiles } = await import(pathToFileURL(join(root, 'scripts/serve-browser-demo.mjs')).href);
    const site: { origin: string; close: () => Promise<void> } = await serveFiles({
      '/': [join(outDir, 'index.html'), 'text/html'],
      ...Object.fromEntries(
        assets.map((asset) => [`/assets/${asset}`, [join(outDir, 'assets', asset), 'text/javascript']]),
      ),
      '/mockServiceWorker.js': [join(outDir, 'mockServiceWorker.js'), 'text/javascript'],
    });
    const plan = planBrowserSuite('the front-end project in Chromium');
    if ('fail' in plan) throw new Error(plan.fail);
    if ('skip' in plan) {
      console.warn(plan.skip);
      await site.close();
      return;
    }
    const browser = await launchBrowser(plan.run);
    try {
      const page = await browser.newPage();
      await page.goto(`${site.origin}/`);
      await page.waitForFunction(
        () => /^(done|failed)/.test(document.querySelector('#status')?.textContent ?? ''),
        undefined,
        { timeout: 20_000 },
      );
      expect(await page.textContent('#status')).toBe('done: GitHub, 4 issues');
    } finally {
      await browser.close();
      await site.close();
    }
  }, 120_000);

  // The hovers of contract-tests/fixtures/consumer/hover.mts in the project above, as an editor shows them.
  it('an editor on that project shows the docs on hover: client factories with examples, helpers, options, spec fields, errors, every export', () => {
    expect(consumer, 'the project of the test above').toBeDefined();
    const started = performance.now();
    const hover = (snippet: string) => consumer!.hover('hover.mts', snippet);
    const samples = {
      'the client factory': 'createAgentEngineClient({',
      'the v1 client factory': 'createAirbyteApiClient({',
      'an option': 'timeoutMs',
      forWorkspace: 'client.forWorkspace',
      'a resource method': 'acme.connectors.execute',
      'a response field (spec)': 'executed.execution_metadata',
      'a nested response field (spec)': 'execution_metadata.execution_time_ms',
      'a request field (spec)': 'workspace_name: ',
      'a field of a workspace client answer (spec)': 'info.workspace_name',
      'an error class': 'instanceof NotFoundError',
      'a v1 helper': 'v1.workspaces.all',
      'the validation entry': 'createResponseValidator({',
      'the mock entry': 'setupMockServer({',
      'a mock helper': 'new ManualClock',
      'a mock method': 'service.failNext',
      'a typed connector': 'client.connector(',
      "a typed action's answer": 'page.meta',
    };
    const empty = Object.entries(samples)
      .filter(([, snippet]) => hover(snippet).documentation === '')
      .map(([what]) => what);
    expect(empty, 'hovers without documentation').toEqual([]);

    // The factories show an example; signatures name their types instead of inlining generated ones.
    for (const factory of ['createAgentEngineClient({', 'createAirbyteApiClient({'])
      expect(hover(factory).tags.example?.[0], factory).toContain('await');
    expect(hover('client.connector(').tags.example?.[0], 'connector').toContain("client.connector('github'");
    const execute = hover('acme.connectors.execute');
    expect(execute.display).toBe(
      '(method) ConnectorsResource.execute<unknown>(id: string, body: ExecuteRequest, options?: CallOptions): Promise<ExecuteAnswer<unknown>>',
    );
    expect(hover('client.forWorkspace').display).toBe(
      '(method) AgentEngineClient.forWorkspace(workspaceName: string): WorkspaceClient',
    );
    expect(hover('executed.execution_metadata').documentation).toBe(
      'Which connector ran the action and how long it took.',
    );

    // Beyond the sample: every export of the three entries, and every member of those that are objects, has docs.
    expect(consumer!.undocumented('hover.mts', 'agent-engine-kit')).toEqual([]);
    console.log(
      `${Object.keys(samples).length} hovers and every export's docs read in ${(performance.now() - started).toFixed(0)} ms`,
    );
  });
});
