// Writes <dir>/connectors.json beside a bundle of the mock (mock-dist/ for `npm start`, dist/ for the package): the
// agent connector definitions of openapi/connectors/ parsed at build time, each kept as JSON text and parsed when its
// connector is first used. Parsing YAML at run time cost the mock about 40 MB of memory more than this.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';

const root = fileURLToPath(new URL('..', import.meta.url));

/** `perConnector`: also one `<outDir>/connectors/<name>.json` per definition, for pages that serve a few. */
export function writeConnectorsBundle(outDir, { perConnector = false } = {}) {
  const directory = `${root}openapi/connectors/`;
  const documents = {};
  const index = [];
  for (const file of readdirSync(directory)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const doc = load(readFileSync(directory + file, 'utf8'));
    const { name, title, version, definitionId } = doc['x-airbyte-connector'];
    index.push({ name, title, version: String(version), definitionId });
    documents[name] = JSON.stringify(doc);
  }
  if (perConnector) {
    mkdirSync(`${outDir.replace(/\/?$/, '/')}connectors`, { recursive: true });
    for (const [name, text] of Object.entries(documents))
      writeFileSync(`${outDir.replace(/\/?$/, '/')}connectors/${name}.json`, text);
  }
  const target = `${outDir.replace(/\/?$/, '/')}connectors.json`;
  writeFileSync(target, JSON.stringify({ index, documents }));
  return target;
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(writeConnectorsBundle(process.argv[2] ?? `${root}mock-dist`));
