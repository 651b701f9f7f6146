// What the package holds and what it costs, read from a build (dist/) and `npm pack --json`: for check-package.mjs and
// the package test.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * The budgets check-package enforces (bytes as npm counts them: 1 MB = 1,000,000 bytes). The unpacked size is the
 * issue's bound (issue 22); the others sit a little above what the package measured when they were set (1.63 MB
 * packed, 168 files, the client 63.6 kB and 16.0 kB gzipped), so that growth is a decision, not an accident.
 */
export const BUDGETS = {
  unpackedBytes: 10_000_000,
  packedBytes: 1_800_000,
  files: 180,
  clientBytes: 70_000,
  clientGzippedBytes: 17_500,
};

/** A `files` entry of package.json as a test of a path: `*` within one folder, a plain name also for what is below it. */
function filesPattern(entry) {
  const text = entry.replace(/^\.\//, '').replace(/\/$/, '');
  if (!text.includes('*')) return (path) => path === text || path.startsWith(`${text}/`);
  const regex = new RegExp(`^${text.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]*')}$`);
  return (path) => regex.test(path);
}

/** Every path package.json names for a user to load: main, module, types, bin, exports, typesVersions. */
function namedPaths(pkg) {
  const paths = new Set();
  const add = (value) => {
    if (typeof value === 'string') paths.add(value.replace(/^\.\//, ''));
    else if (value && typeof value === 'object') for (const each of Object.values(value)) add(each);
  };
  add([pkg.main, pkg.module, pkg.types, pkg.bin, pkg.exports, pkg.typesVersions]);
  return [...paths];
}

/**
 * How the packed files and package.json's `files` disagree, as lines (none when they agree): a packed file no entry
 * names (package.json is npm's own), an entry that names nothing packed, a file of the build (`built`, paths from
 * the root) that is not packed, a path package.json points users at that is not packed.
 */
export function filesMismatches(pkg, packed, built) {
  const entries = pkg.files.map((entry) => ({ entry, test: filesPattern(entry) }));
  const shipped = new Set(packed);
  const problems = [];
  for (const path of packed)
    if (path !== 'package.json' && !entries.some(({ test }) => test(path)))
      problems.push(`packed, but no entry of files names it: ${path}`);
  for (const { entry, test } of entries)
    if (!packed.some((path) => test(path))) problems.push(`files names what is not packed: ${entry}`);
  for (const path of built) if (!shipped.has(path)) problems.push(`built, but not packed: ${path}`);
  for (const path of namedPaths(pkg)) {
    const test = filesPattern(path);
    if (!packed.some((each) => test(each))) problems.push(`package.json points at what is not packed: ${path}`);
  }
  return problems;
}

const isNodeBuiltin = (specifier) => specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]);

/**
 * An ES module of `dir` and every module of `dir` it imports, statically (and with `dynamic`, by a plain `import()`
 * too, not one hidden from bundlers): their names, and the packages and Node built-ins they import. esbuild reads
 * the imports.
 */
export async function moduleClosure(dir, entry, { dynamic = false } = {}) {
  const { metafile } = await build({
    entryPoints: [join(dir, entry)],
    absWorkingDir: dir,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'silent',
    plugins: [
      {
        name: 'packages-apart',
        setup(context) {
          context.onResolve({ filter: /^[^./]/ }, (args) => ({ path: args.path, external: true }));
        },
      },
    ],
  });
  const files = [];
  const packages = new Set();
  const builtins = new Set();
  const visit = (file) => {
    if (files.includes(file)) return;
    files.push(file);
    for (const imported of metafile.inputs[file].imports) {
      if (imported.kind !== 'import-statement' && !(dynamic && imported.kind === 'dynamic-import')) continue;
      if (!imported.external) visit(imported.path);
      else if (isNodeBuiltin(imported.path)) builtins.add(imported.path);
      else packages.add(imported.path);
    }
  };
  visit(entry);
  return { files, packages: [...packages], builtins: [...builtins] };
}

/**
 * What an app that imports only the client loads before its first call: dist/index.js, the chunks it imports
 * statically, and openapi-fetch's ESM build; raw and gzipped together.
 */
export async function clientOnlyFigures(root) {
  const closure = await moduleClosure(join(root, 'dist'), 'index.js');
  const parts = closure.files.map((file) => readFileSync(join(root, 'dist', file)));
  const fetchEntry = JSON.parse(readFileSync(join(root, 'node_modules/openapi-fetch/package.json'), 'utf8')).exports[
    '.'
  ].import;
  parts.push(readFileSync(join(root, 'node_modules/openapi-fetch', fetchEntry)));
  const all = Buffer.concat(parts);
  return {
    files: closure.files,
    packages: closure.packages,
    builtins: closure.builtins,
    bytes: all.byteLength,
    gzippedBytes: gzipSync(all, { level: 9 }).byteLength,
  };
}

/** Bytes for a person: `9.44 MB`, `63.7 kB` (npm's units, 1000 based). */
export const formatBytes = (bytes) =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;

/** The packed bytes by kind, largest first, for the report. */
export function bytesByKind(packedFiles) {
  const kinds = [
    ['declarations', (p) => /\.d\.c?ts$/.test(p)],
    ['connector definitions', (p) => p.startsWith('dist/connector')],
    ['source maps', (p) => p.endsWith('.map')],
    ['vendored packages', (p) => p.startsWith('dist/vendor/')],
    ['ESM', (p) => p.endsWith('.js')],
    ['CommonJS', (p) => p.endsWith('.cjs')],
    ['specs', (p) => p.startsWith('openapi/')],
    ['other', () => true],
  ];
  const totals = new Map(kinds.map(([kind]) => [kind, 0]));
  for (const { path, size } of packedFiles) {
    const [kind] = kinds.find(([, test]) => test(path));
    totals.set(kind, totals.get(kind) + size);
  }
  return [...totals].filter(([, bytes]) => bytes > 0).sort((a, b) => b[1] - a[1]);
}
