// The operations of a spec as the mock serves them: for each, its path pattern and the JSON pointers of the schemas
// its parameters and body are checked against. Built from the spec, so a new operation needs no table of its own.
import { derefPointer, listOperations, loadSpec, tokenKinds, type SpecName } from '../spec.js';

export interface ParameterCheck {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schemaPointer: string;
  /** The JSON type the raw text is read as. */
  type: string;
  itemType?: string;
}

export interface MockOperation {
  api: SpecName;
  operationId: string;
  method: string;
  /** The spec's path, with `{param}`. */
  path: string;
  /** `/api/v1/connectors/:id`: MSW's form of the path. */
  pattern: string;
  parameters: ParameterCheck[];
  bodyPointer?: string;
  bodyRequired: boolean;
  /** True when the operation takes no bearer token. */
  public: boolean;
  /** The kinds of token it takes (`application`, `scoped`, `widget`; `*` any), from the spec's security roles. */
  tokenKinds: ReadonlySet<string>;
  /** Status codes the spec documents. */
  statuses: string[];
}

function jsonType(schema: any): string {
  const type = Array.isArray(schema?.type) ? schema.type.find((t: string) => t !== 'null') : schema?.type;
  return type ?? 'string';
}

export function buildOperations(api: SpecName): MockOperation[] {
  const doc = loadSpec(api);
  return listOperations(doc).map((op) => {
    const parameters: ParameterCheck[] = op.parameters.map((raw, i) => {
      const where = raw.$ref ? raw.$ref : `${op.pointer}/parameters/${i}`;
      const { value, pointer } = derefPointer(doc, where);
      const schema = derefPointer(doc, `${pointer}/schema`).value;
      const items = schema.items ? derefPointer(doc, `${pointer}/schema/items`).value : undefined;
      return {
        name: value.name,
        in: value.in,
        required: Boolean(value.required),
        schemaPointer: `${pointer}/schema`,
        type: jsonType(schema),
        ...(items ? { itemType: jsonType(items) } : {}),
      };
    });
    let bodyPointer: string | undefined;
    let bodyRequired = false;
    if (op.operation.requestBody) {
      const body = derefPointer(doc, `${op.pointer}/requestBody`);
      if (body.value.content?.['application/json']) bodyPointer = `${body.pointer}/content/application~1json/schema`;
      bodyRequired = Boolean(body.value.required);
    }
    const kinds = tokenKinds(doc, op.operation);
    return {
      api,
      operationId: op.operationId,
      method: op.method,
      path: op.path,
      pattern: op.path.replace(/\{([^}]+)\}/g, ':$1'),
      parameters,
      ...(bodyPointer ? { bodyPointer } : {}),
      bodyRequired,
      public: kinds.size === 0,
      tokenKinds: kinds,
      statuses: Object.keys(op.operation.responses),
    };
  });
}
