// YAML files imported as data (the specs, by the validation entry and the browser demo): one loader for the esbuild
// based builds (tsup, the size check, the demo) and one for vitest.
import { readFile } from 'node:fs/promises';
import { load } from 'js-yaml';

/** esbuild: `import spec from './x.yaml'` gives the parsed document. */
export const esbuildYamlPlugin = {
  name: 'yaml-as-json',
  setup(build) {
    build.onLoad({ filter: /\.ya?ml$/ }, async (args) => ({
      contents: JSON.stringify(load(await readFile(args.path, 'utf8'))),
      loader: 'json',
    }));
  },
};

/** vite (vitest): the same. */
export const viteYamlPlugin = {
  name: 'yaml-as-json',
  transform(code, id) {
    if (!/\.ya?ml$/.test(id)) return undefined;
    return { code: `export default ${JSON.stringify(load(code))};`, map: null };
  },
};
