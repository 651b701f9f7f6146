// What lets a build step skip its work when nothing it reads has changed: the files it reads, and one key of their
// paths and contents and of the versions of the packages doing the work. `npm run build` keeps tsup's bundled
// declarations under such a key (build-package.mjs), `npm run docs` Redocly's and TypeDoc's pages (build-docs.mjs).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
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
