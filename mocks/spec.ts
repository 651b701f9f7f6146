// The specs under openapi/ as runtime data, read from the files (or registered where there is no file system), with
// the document helpers and validators of src/validation/spec-document.ts.
import { load as parseYaml } from 'js-yaml';
import { SpecSchemas, type OpenApiDocument } from '../src/validation/spec-document.js';
import { filePath, readTextFile } from './files.js';

export {
  HTTP_METHODS,
  SpecSchemas,
  derefPointer,
  describeErrors,
  escapePointer,
  listOperations,
  operationSchemaPointer,
  resolveRef,
  tokenKinds,
  type OpenApiDocument,
  type SchemaCheck,
  type SchemaError,
  type SchemaValidator,
  type SpecOperation,
} from '../src/validation/spec-document.js';

export const SPEC_FILES = {
  'agent-engine': 'openapi/agent-engine.yaml',
  'airbyte-api-v1': 'openapi/airbyte-api-v1.yaml',
} as const;

export type SpecName = keyof typeof SPEC_FILES;
export const SPEC_NAMES = Object.keys(SPEC_FILES) as SpecName[];

// Module URLs are made from a variable: a bundler of pages would otherwise copy the files they name beside its output.
const here = import.meta.url;

export function specPath(name: SpecName): string {
  return filePath(new URL(`../${SPEC_FILES[name]}`, here));
}

const loaded = new Map<SpecName, OpenApiDocument>();

/** Supplies a spec already parsed, where there is no file system (the browser bundle does this before anything else). */
export function registerSpec(name: SpecName, doc: OpenApiDocument): void {
  loaded.set(name, doc);
}

/** The parsed spec. Cached: callers must not mutate it (use structuredClone for a working copy). */
export function loadSpec(name: SpecName): OpenApiDocument {
  let doc = loaded.get(name);
  if (!doc) {
    // js-yaml: four times faster than `yaml` here (the mock's start-up), same result; duplicate keys are an error.
    doc = parseYaml(readTextFile(new URL(`../${SPEC_FILES[name]}`, here))) as OpenApiDocument;
    loaded.set(name, doc);
  }
  return doc;
}

/** Validators compiled from one of the specs under openapi/. */
export class SpecValidator extends SpecSchemas {
  constructor(name: SpecName) {
    super(loadSpec(name), name);
  }
}
