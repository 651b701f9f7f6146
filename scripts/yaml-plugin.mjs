// YAML files imported as data (the specs, by the validation entry and the browser demo): one loader for the esbuild
// based builds (tsup, the size check, the demo) and one for vitest.
import { readFile } from 'node:fs/promises';
import { load } from 'js-yaml';

/**
 * esbuild: `import spec from './x.yaml'` gives the parsed document, as the one export src/yaml.d.ts declares. (As a
 * JSON module it would also export each top-level key, `x-airbyte-connector` among them, a name tsup's CommonJS step
 * cannot write.)
 */
export const esbuildYamlPlugin = {
  name: 'yaml-as-json',
  setup(build) {
    build.onLoad({ filter: /\.ya?ml$/ }, async (args) => ({
      contents: `export default ${JSON.stringify(load(await readFile(args.path, 'utf8')))};`,
      loader: 'js',
    }));
  },
};

/**
 * vite (vitest): the same, as one JSON string parsed when the module runs: vite transforms a string literal faster than
 * the object literal of a large document (the 51 connector definitions the agent tools load: 1.7 s against 2.2 s).
 */
export const viteYamlPlugin = {
  name: 'yaml-as-json',
  transform(code, id) {
    if (!/\.ya?ml$/.test(id)) return undefined;
    return { code: `export default JSON.parse(${JSON.stringify(JSON.stringify(load(code)))});`, map: null };
  },
};
