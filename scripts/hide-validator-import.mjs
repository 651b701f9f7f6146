// After tsup: the client's lazy import of its response validator (`validateResponses: true`) is made invisible to a
// bundler that bundles dist/ again without code splitting, which would otherwise inline the validator (the specs and
// ajv, ~77 kB gzipped) into every app, used or not. The specifier becomes an expression bundlers leave alone, and a
// failure to load it (such a bundle has no file beside it) says what to do instead.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

const HINT =
  "validateResponses: true loads agent-engine-kit's validator chunk at run time, and it is not beside this code (a bundle made without code splitting?): pass validateResponses: createResponseValidator, imported from 'agent-engine-kit/validation'";

/**
 * The forms the built client takes the validator in, by build: ESM's import(), CommonJS's require() behind a promise.
 * The client's code is in the entry or in a chunk it shares with the mock and the command.
 */
const FORMS = {
  esm: {
    extension: '.js',
    from: 'import("./validation.js")',
    to: 'import(/* webpackIgnore: true */ /* @vite-ignore */ ["./validation.js"][0])',
  },
  cjs: {
    extension: '.cjs',
    from: 'Promise.resolve().then(() => _interopRequireWildcard(require("./validation.cjs")))',
    to: 'Promise.resolve().then(() => _interopRequireWildcard(require(["./validation.cjs"][0])))',
  },
};

/** Changes the one file of a build (`format`: `esm` or `cjs`) that imports the validator; answers its name. */
export function hideValidatorImport(dir, format) {
  const { extension, from, to } = FORMS[format];
  const found = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(extension))) {
    const code = readFileSync(`${dir}/${file}`, 'utf8');
    const at = code.indexOf(from);
    if (at >= 0) found.push({ file, code, twice: code.indexOf(from, at + 1) >= 0 });
  }
  if (found.length !== 1 || found[0].twice)
    throw new Error(`${dir}: expected exactly one ${from} in the ${format} build, found it in ${found.length} files`);
  const [{ file, code }] = found;
  // The load's own failure becomes the hint; the chain after it (createResponseValidator) is unchanged.
  writeFileSync(
    `${dir}/${file}`,
    code.replace(from, `${to}.catch((cause) => { throw new Error(${JSON.stringify(HINT)}, { cause }); })`),
  );
  return file;
}
