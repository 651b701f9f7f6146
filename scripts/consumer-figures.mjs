// What the package costs a project that installs it (npm run check:package reports it and holds it to its budget;
// npm run bench writes it into docs/benchmarks.md): the time `npm install` of the packed tarball takes in a new
// project that uses only the client, the bytes and packages that install adds, and the time `tsc` takes to check a
// consumer of every helper with typed connectors of five definitions against the same without them
// (bench/consumer/: the consumer of every helper, and the typed connectors). Each timing is taken `runs` times,
// reported as min / median / max (scripts/spread.mjs).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spread } from './spread.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The typed consumer may take this many times the helpers-only consumer's check time, at most (issue 22). */
export const TYPECHECK_RATIO_BUDGET = 1.25;

/** Bytes and package folders below a node_modules folder. */
function installed(dir) {
  let bytes = 0;
  let packages = 0;
  const walk = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        bytes += statSync(full).size;
        if (entry.name === 'package.json' && /node_modules\/(@[^/]+\/)?[^/]+$/.test(path)) packages += 1;
      }
    }
  };
  walk(dir);
  return { bytes, packages };
}

/** The seconds tsc reports as "Check time" for a project, and the wall time of the whole run. */
function typecheck(project, config) {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', config, '--extendedDiagnostics'],
    { cwd: project, encoding: 'utf8' },
  );
  const wallMs = performance.now() - started;
  if (run.status !== 0) throw new Error(`the consumer's ${config} does not type-check:\n${run.stdout}${run.stderr}`);
  const checkMs = Number.parseFloat(/^Check time:\s+([\d.]+)s$/m.exec(run.stdout)?.[1] ?? 'NaN') * 1000;
  if (!Number.isFinite(checkMs)) throw new Error(`tsc --extendedDiagnostics printed no check time:\n${run.stdout}`);
  return { wallMs, checkMs };
}

/**
 * Installs `tarball` into a new project `runs` times (each from an empty folder, npm's cache as it is: `--prefer-offline`),
 * then type-checks the consumers there, `runs` times each, alternating.
 */
export function consumerFigures(tarball, { runs = 3 } = {}) {
  // Away from the repository, so that nothing resolves from its node_modules.
  const folder = mkdtempSync(join(tmpdir(), 'agent-engine-kit-consumer-figures-'));
  try {
    return measure(tarball, join(folder, 'app'), runs);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function measure(tarball, project, runs) {
  const installMs = [];
  let added = { bytes: 0, packages: 0 };
  for (let run = 0; run < runs; run++) {
    rmSync(project, { recursive: true, force: true });
    mkdirSync(project, { recursive: true });
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'client-only-consumer', version: '1.0.0', private: true, type: 'module' }),
    );
    const started = performance.now();
    const install = spawnSync('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], {
      cwd: project,
      encoding: 'utf8',
    });
    installMs.push(performance.now() - started);
    if (install.status !== 0) throw new Error(`npm install ${tarball} failed:\n${install.stderr}`);
    added = installed(join(project, 'node_modules'));
  }

  for (const file of ['consumer.ts', 'typed-connectors.ts'])
    copyFileSync(join(root, 'bench/consumer', file), join(project, file));
  const options = {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    types: [],
  };
  writeFileSync(
    join(project, 'tsconfig.helpers.json'),
    JSON.stringify({ compilerOptions: options, files: ['consumer.ts'] }),
  );
  writeFileSync(
    join(project, 'tsconfig.typed.json'),
    JSON.stringify({ compilerOptions: options, files: ['consumer.ts', 'typed-connectors.ts'] }),
  );
  const helpers = [];
  const typed = [];
  for (let run = 0; run < runs; run++) {
    helpers.push(typecheck(project, 'tsconfig.helpers.json'));
    typed.push(typecheck(project, 'tsconfig.typed.json'));
  }
  const check = { helpers: spread(helpers.map((r) => r.checkMs)), typed: spread(typed.map((r) => r.checkMs)) };
  return {
    runs,
    install: spread(installMs),
    added,
    typecheck: {
      helpers: { check: check.helpers, wall: spread(helpers.map((r) => r.wallMs)) },
      typed: { check: check.typed, wall: spread(typed.map((r) => r.wallMs)) },
      // The fastest run of each: what the checking itself costs, least inflated by whatever else the machine does (the
      // medians of three runs moved the ratio from 1.03x to 1.10x between two runs of the same tree).
      ratio: check.typed.min / check.helpers.min,
    },
  };
}
