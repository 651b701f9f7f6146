// Writes the agent connector definitions of openapi/connectors/ as JSON beside a bundle of the mock (dist/ for the
// package, mock-dist/ for `npm start`): <dir>/connectors/<name>.json, one per definition, and <dir>/connector-index.json,
// each one's name, title, version and definition id. In the package these files are the one copy of the definitions:
// the mock reads them, the agent tools import them, and pages import them as `agent-engine-kit/mock/connectors/<name>.json`.
// Parsed at build time: parsing the YAML at run time cost the mock about 40 MB of memory more.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The definition files of openapi/connectors/, sorted. */
export function connectorFiles() {
  return readdirSync(`${root}openapi/connectors/`)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

/** A file replaced whole: a mock started from an earlier build (tests build mock-dist/ side by side) never reads half. */
function replaceFile(path, text) {
  writeFileSync(`${path}.${process.pid}.tmp`, text);
  renameSync(`${path}.${process.pid}.tmp`, path);
}

/** Writes `<outDir>/connectors/<name>.json` and `<outDir>/connector-index.json`; answers the index's path. */
export function writeConnectorDefinitions(outDir) {
  const dir = outDir.replace(/\/?$/, '/');
  mkdirSync(`${dir}connectors`, { recursive: true });
  const index = [];
  for (const file of connectorFiles()) {
    const doc = load(readFileSync(`${root}openapi/connectors/${file}`, 'utf8'));
    const { name, title, version, definitionId } = doc['x-airbyte-connector'];
    if (`${name}.yaml` !== file) throw new Error(`openapi/connectors/${file} names its connector ${name}`);
    index.push({ name, title, version: String(version), definitionId });
    replaceFile(`${dir}connectors/${name}.json`, JSON.stringify(doc));
  }
  // A definition removed from openapi/connectors/ leaves no file behind.
  const names = new Set(index.map(({ name }) => `${name}.json`));
  for (const file of readdirSync(`${dir}connectors`))
    if (!names.has(file) && !file.endsWith('.tmp')) rmSync(`${dir}connectors/${file}`);
  replaceFile(`${dir}connector-index.json`, JSON.stringify(index));
  return `${dir}connector-index.json`;
}

/**
 * esbuild: the definitions' imports (generated/connector-definitions.ts, `with { type: 'json' }`) left to run time, as
 * `./connectors/<name>.json` beside the output, which writeConnectorDefinitions writes: the definitions are not
 * bundled into the code that loads them.
 */
export const connectorDefinitionsAsFiles = {
  name: 'connector-definitions-as-files',
  setup(build) {
    build.onResolve({ filter: /(^|\/)openapi\/connectors\/[\w-]+\.yaml$/ }, (args) => ({
      path: `./connectors/${args.path.match(/([\w-]+)\.yaml$/)[1]}.json`,
      external: true,
    }));
  },
};

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(writeConnectorDefinitions(process.argv[2] ?? `${root}mock-dist`));
