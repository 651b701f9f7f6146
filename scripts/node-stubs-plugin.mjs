// esbuild, for builds of the mock that run in a browser (the demo, `agent-engine-kit/mock/browser`): the Node modules
// the mock imports but never calls there are replaced by stubs that say what to do instead.
// spec.ts and connectors/definitions.ts read files only when nothing was registered; the demo registers first.
export const nodeStubs = {
  name: 'node-stubs',
  setup(context) {
    context.onResolve({ filter: /^(node:)?(fs|url)$/ }, (args) => ({ path: args.path, namespace: 'node-stub' }));
    context.onLoad({ filter: /.*/, namespace: 'node-stub' }, () => ({
      contents:
        'const none = () => { throw new Error("no file system in the browser: registerSpec (and registerConnectorDefinitions) first"); }; export const readFileSync = none; export const readdirSync = none; export const existsSync = () => false; export const fileURLToPath = (u) => String(u);',
      loader: 'js',
    }));
  },
};
