// The declarations of dist/, after the build.
// The client's entries' declarations are emitted once, by the CommonJS build (`<entry>.d.cts`); `<entry>.d.ts`, what
// `import` resolves to, re-exports them. An ES module may import a CommonJS one, so each condition gets a declaration
// file of its own format (what arethetypeswrong checks) without a second copy of the types (2.8 MB for the client
// entry alone: the typed connectors). The other way round, a `.d.cts` re-exporting ESM would be a require() of ESM,
// which TypeScript refuses under `module: node16`. (The mock's entries are ESM only and keep ESM declarations: their
// msw types must be msw's ESM ones, the ones a test that uses msw gets.)
// The declarations are indented with tabs instead of four spaces: a third of their bytes was indentation.
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';

export function writeEsmDeclarations(dir, entries) {
  for (const entry of entries) writeFileSync(`${dir}/${entry}.d.ts`, `export * from './${entry}.cjs';\n`);
}

/** Each line's leading four-space steps as tabs (whitespace TypeScript, JSDoc and editors read the same). */
export function indentWithTabs(text) {
  return text.replace(/^(?: {4})+/gm, (indent) => '\t'.repeat(indent.length / 4));
}

/** Rewrites every declaration file of `dir` with tabs; answers the bytes saved. */
export function compactDeclarations(dir) {
  let saved = 0;
  for (const file of readdirSync(dir).filter((f) => /\.d\.c?ts$/.test(f))) {
    const text = readFileSync(`${dir}/${file}`, 'utf8');
    const compact = indentWithTabs(text);
    saved += text.length - compact.length;
    if (compact !== text) writeFileSync(`${dir}/${file}`, compact);
  }
  return saved;
}

/**
 * The shared chunks of the declarations named after their module, as when tsup compiled the sources itself: bundled from
 * the declarations tsc emitted (`errors.d.ts`), they would be `errors.d-<hash>.d.cts`. Renamed, with every import of them.
 */
export function renameDeclarationChunks(dir) {
  const files = readdirSync(dir).filter((f) => /\.d\.c?ts$/.test(f));
  const renamed = new Map();
  for (const file of files) {
    const match = /^(.+)\.d-([\w-]+)(\.d\.c?ts)$/.exec(file);
    if (match) renamed.set(file, `${match[1]}-${match[2]}${match[3]}`);
  }
  for (const file of files) {
    const text = readFileSync(`${dir}/${file}`, 'utf8');
    const rewritten = text.replace(/'\.\/([^']+)\.d-([\w-]+)\.(c?js)'/g, "'./$1-$2.$3'");
    if (rewritten !== text) writeFileSync(`${dir}/${file}`, rewritten);
  }
  for (const [from, to] of renamed) renameSync(`${dir}/${from}`, `${dir}/${to}`);
  return renamed.size;
}
