// After tsup: the client's lazy import of its response validator (`validateResponses: true`) is made invisible to a
// bundler that bundles dist/ again without code splitting, which would otherwise inline the validator (the specs and
// ajv, ~77 kB gzipped) into every app, used or not. The specifier becomes an expression bundlers leave alone, and a
// failure to load it (such a bundle has no file beside it) says what to do instead.
import { readFileSync, writeFileSync } from 'node:fs';

const HINT =
  "validateResponses: true loads agent-engine-kit's validator chunk at run time, and it is not beside this code (a bundle made without code splitting?): pass validateResponses: createResponseValidator, imported from 'agent-engine-kit/validation'";

/** The forms the built client takes the validator in: ESM's import(), CommonJS's require() behind a promise. */
const FORMS = [
  {
    file: 'index.js',
    from: 'import("./validation.js")',
    to: 'import(/* webpackIgnore: true */ /* @vite-ignore */ ["./validation.js"][0])',
  },
  {
    file: 'index.cjs',
    from: 'Promise.resolve().then(() => _interopRequireWildcard(require("./validation.cjs")))',
    to: 'Promise.resolve().then(() => _interopRequireWildcard(require(["./validation.cjs"][0])))',
  },
];

export function hideValidatorImport(dir) {
  for (const { file, from, to } of FORMS) {
    const path = `${dir}/${file}`;
    const code = readFileSync(path, 'utf8');
    const at = code.indexOf(from);
    if (at < 0 || code.indexOf(from, at + 1) >= 0) throw new Error(`${path}: expected exactly one ${from}`);
    // The load's own failure becomes the hint; the chain after it (createResponseValidator) is unchanged.
    const replaced = code.replace(
      from,
      `${to}.catch((cause) => { throw new Error(${JSON.stringify(HINT)}, { cause }); })`,
    );
    writeFileSync(path, replaced);
  }
}
