// Module hooks registered by yaml-register.mjs: a .yaml/.yml import loads as a module whose default export is the
// parsed document; imported `with { type: 'json' }` (the connector definitions, JSON in the package), as JSON data.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { load as parseYaml } from 'js-yaml';

export async function load(url, context, nextLoad) {
  if (!/\.ya?ml$/.test(new URL(url).pathname)) return nextLoad(url, context);
  const document = parseYaml(await readFile(fileURLToPath(url), 'utf8'));
  if (context.importAttributes?.type === 'json')
    return { format: 'json', source: JSON.stringify(document), shortCircuit: true };
  return { format: 'module', source: `export default ${JSON.stringify(document)};`, shortCircuit: true };
}
