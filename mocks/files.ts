// The files the mock reads beside its modules (the specs, the connector definitions). Node's fs is got from the running
// Node when a file is read, not imported: the same built modules serve `agent-engine-kit/mock/browser`, where there is
// no file system and the page registers the specs and definitions instead (its bundler sees no Node import to refuse).

function node() {
  const getBuiltinModule = globalThis.process?.getBuiltinModule;
  if (typeof getBuiltinModule !== 'function')
    throw new Error('No file system here: registerSpec (and registerConnectorDefinitions) first');
  return { fs: getBuiltinModule('node:fs'), url: getBuiltinModule('node:url') };
}

/** The path of a `file:` URL. */
export const filePath = (url: URL): string => node().url.fileURLToPath(url);

export const readTextFile = (url: URL): string => node().fs.readFileSync(filePath(url), 'utf8');

export const fileExists = (url: URL): boolean => node().fs.existsSync(filePath(url));

/** The names of a directory's entries. */
export const directoryNames = (url: URL): string[] => node().fs.readdirSync(filePath(url));
