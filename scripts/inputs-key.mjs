// What lets a build step skip its work when nothing it reads has changed: the files it reads, one key of their paths
// and contents and of the versions of the packages doing the work, and what the step wrote last, kept under that key.
// `npm run build` keeps tsup's bundled declarations so (build-package.mjs), `npm run docs` Redocly's and TypeDoc's
// pages (build-docs.mjs).
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Every file at or below each of `paths` (relative to `base`, the repository by default; missing ones left out), as
 * paths relative to `base`, sorted, without anything at or below a path of `skip`.
 */
export function filesBelow(paths, { skip = [], base = root } = {}) {
  const files = [];
  const visit = (path) => {
    if (skip.includes(path) || !existsSync(`${base}${path}`)) return;
    if (!statSync(`${base}${path}`).isDirectory()) return void files.push(path);
    for (const name of readdirSync(`${base}${path}`)) visit(`${path}/${name}`);
  };
  for (const path of paths) visit(path);
  return files.sort();
}

/**
 * The key of what a step reads: each file's path (relative to `base`) and content, and the installed version of each
 * package of `packages`. Any byte changed, a file more or less, or a file renamed gives another key.
 */
export function inputsKey(files, packages = [], { base = root } = {}) {
  const hash = createHash('sha256');
  for (const file of files) {
    const content = readFileSync(`${base}${file}`);
    hash.update(`${file}\0${content.length}\0`).update(content);
  }
  for (const name of packages)
    hash.update(`${name}@${JSON.parse(readFileSync(`${root}node_modules/${name}/package.json`, 'utf8')).version}\0`);
  return hash.digest('hex').slice(0, 32);
}

/**
 * Runs `produce`, which writes `outputs` (paths relative to `base`, files or folders; or a function naming them once it
 * ran), unless the run kept in `folder` had the same `key`: then what that run wrote is put back in their place
 * instead. Only the last run is kept, written beside `folder` first and renamed into place, so that a build reading
 * it meanwhile never sees half of it. Says whether it reused.
 */
export async function reusing({ folder, key, base = root, outputs, produce }) {
  const kept = `${folder}/${key}`;
  if (existsSync(`${kept}/outputs.json`)) {
    for (const output of JSON.parse(readFileSync(`${kept}/outputs.json`, 'utf8'))) {
      rmSync(`${base}${output}`, { recursive: true, force: true });
      cpSync(`${kept}/files/${output}`, `${base}${output}`, { recursive: true });
    }
    return true;
  }
  await produce();
  const written = typeof outputs === 'function' ? outputs() : outputs;
  const writing = `${folder}.${process.pid}`;
  rmSync(writing, { recursive: true, force: true });
  mkdirSync(`${writing}/${key}`, { recursive: true });
  for (const output of written) cpSync(`${base}${output}`, `${writing}/${key}/files/${output}`, { recursive: true });
  writeFileSync(`${writing}/${key}/outputs.json`, JSON.stringify(written));
  rmSync(folder, { recursive: true, force: true });
  renameSync(writing, folder);
  return false;
}
