// The specs are imported as data by the validation entry and the browser demo: the builds parse them at build time
// (a YAML-to-JSON plugin in tsup, esbuild and vitest).
declare module '*.yaml' {
  const document: Record<string, any>;
  export default document;
}
