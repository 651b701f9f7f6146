// The demo bundle imports the specs as data (scripts/build-browser-demo.mjs parses them at build time).
declare module '*.yaml' {
  const document: Record<string, any>;
  export default document;
}
