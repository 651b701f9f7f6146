// The packages only the command uses (the MCP SDK for `agent-engine-kit mcp`, fast-check for `verify --fuzz`), bundled
// into the package apart from our code: dist/vendor/<name>.js, minified and without source maps, one module per
// package entry the kit imports and chunks for what they share. Our chunks import them there (vendoredAsFiles), keep
// their readable code and maps of our own, and the package installs nothing more. Minified, they are half the size
// (0.7 MB instead of 1.3 MB).
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Package entries the kit imports -> the module that holds each in dist/vendor/. */
export const VENDORED = {
  '@modelcontextprotocol/server': 'mcp-server',
  '@modelcontextprotocol/server/stdio': 'mcp-server-stdio',
  '@modelcontextprotocol/node': 'mcp-node',
  'fast-check': 'fast-check',
};

const escaped = Object.keys(VENDORED).map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));

/** esbuild: an import of a vendored package from our code, left to `./vendor/<name>.js` beside the output. */
export const vendoredAsFiles = {
  name: 'vendored-as-files',
  setup(context) {
    context.onResolve({ filter: new RegExp(`^(${escaped.join('|')})$`) }, (args) => ({
      path: `./vendor/${VENDORED[args.path]}.js`,
      external: true,
    }));
  },
};

/** Builds `<outDir>/vendor/`: each vendored entry with all its exports (the default one too, where there is one). */
export async function buildVendored(outDir) {
  const sources = {};
  for (const [name, file] of Object.entries(VENDORED)) {
    const module = await import(name);
    sources[file] = `export * from '${name}';\n${'default' in module ? `export { default } from '${name}';\n` : ''}`;
  }
  const result = await build({
    entryPoints: Object.fromEntries(Object.keys(sources).map((file) => [file, `vendor:${file}`])),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    legalComments: 'eof',
    outdir: `${outDir}/vendor`,
    chunkNames: 'chunk-[hash]',
    logLevel: 'warning',
    metafile: true,
    plugins: [
      {
        name: 'vendor-entries',
        setup(context) {
          context.onResolve({ filter: /^vendor:/ }, (args) => ({ path: args.path.slice(7), namespace: 'vendor' }));
          context.onLoad({ filter: /.*/, namespace: 'vendor' }, (args) => ({
            contents: sources[args.path],
            resolveDir: root,
            loader: 'js',
          }));
        },
      },
    ],
  });
  return Object.keys(result.metafile.outputs);
}
