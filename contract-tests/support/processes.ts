// Servers the tests start as processes of their own, on loopback: a free port, and a process that is ready once its
// output says so.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A frame of a stack trace ("    at fn (file:1:2)"): what a command must not show a user for a mistake of theirs. */
export const STACK_FRAME = /^\s+at /m;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface StartedProcess {
  child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
}

/**
 * Runs `command args...` (in the project root unless told otherwise) and waits until its output matches `ready`.
 * `detached`: in a process group of its own, for a command that starts others (npm, tsx, Prism) which must be stopped
 * together: `process.kill(-child.pid, signal)`.
 */
export async function startProcess(
  command: string,
  args: string[],
  ready: RegExp,
  {
    env = {},
    cwd = ROOT,
    timeoutMs = 60_000,
    detached = false,
  }: { env?: Record<string, string>; cwd?: string; timeoutMs?: number; detached?: boolean } = {},
): Promise<StartedProcess> {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, detached });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${args.join(' ')} was not ready within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
  return { child, output: () => output };
}

/** Runs `node args...` in the project root and waits until its output matches `ready`. */
export function startNodeProcess(
  args: string[],
  ready: RegExp,
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<StartedProcess> {
  return startProcess(process.execPath, args, ready, { env, timeoutMs });
}

/**
 * Runs `node args...` (in the project root unless told otherwise) to its end (killed after `timeoutMs`), with what it
 * printed. Variables set to undefined in `env` are left out of the child's environment.
 */
export function runNodeProcess(
  args: string[],
  {
    env = {},
    cwd = ROOT,
    timeoutMs = 60_000,
  }: { env?: Record<string, string | undefined>; cwd?: string; timeoutMs?: number } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Prism serving one spec's examples, with request validation and --errors. */
export async function startPrism(spec: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const { child } = await startNodeProcess(
    [
      `${ROOT}node_modules/@stoplight/prism-cli/dist/index.js`,
      'mock',
      spec,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--errors',
    ],
    /Prism is listening/,
  );
  return { url: `http://127.0.0.1:${port}`, child };
}

/**
 * A module of the project (`bin/agent-engine-kit.ts`, a bench's server) bundled from source for Node as tsup builds the
 * command (its dependencies left to node_modules, its lazy imports split into chunks), into `outfile`: node runs it
 * without a TypeScript loader. The chunks sit beside it, named after it (`<name>.chunk-*.mjs`), so that suites bundling
 * side by side never share a file, and so that a chunk finds the repository's files one folder up as the entry does.
 * Split as the built command is, a run loads only what its subcommand needs: `--help` starts in half the time.
 */
export async function bundleForNode(entry: string, outfile: string): Promise<void> {
  const { build } = await import('esbuild');
  // @ts-expect-error: a plain .mjs helper without type declarations
  const { esbuildYamlPlugin } = await import('../../scripts/yaml-plugin.mjs');
  const outdir = dirname(outfile);
  const name = basename(outfile).replace(/\.m?js$/, '');
  // The chunks of an earlier bundle of this name (their hashes change with the code) go first.
  if (existsSync(outdir))
    for (const file of readdirSync(outdir))
      if (file.startsWith(`${name}.chunk-`)) rmSync(join(outdir, file), { force: true });
  await build({
    entryPoints: { [name]: `${ROOT}${entry}` },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: `${name}.chunk-[hash]`,
    plugins: [esbuildYamlPlugin],
    logLevel: 'warning',
  });
}

/**
 * The `agent-engine-kit` command bundled into `outfile`, which must sit one folder below the root as dist/ does: the
 * command finds openapi/ and package.json the same way. Each suite bundles to a file of its own (suites run side by
 * side).
 */
export const bundleCli = (outfile: string) => bundleForNode('bin/agent-engine-kit.ts', outfile);
