// Breaking changes between two versions of a spec, field by field: what a client written against the old version
// could trip over in the new one. Built on the same flattening as the published-facts comparison.
import { listOperations, resolveRef, type OpenApiDocument } from '../../mocks/spec.js';
import { flattenFields, parameterType, type FieldFact } from './field-facts.js';

export interface SpecChange {
  breaking: boolean;
  where: string;
  what: string;
}

interface OperationShape {
  success: string[];
  params: Map<string, { required: boolean; type: string }>;
  request: Map<string, FieldFact>;
  responses: Map<string, Map<string, FieldFact>>;
}

const types = (type: string) => new Set(type.split('|'));
const missingFrom = (a: Iterable<string>, b: Set<string>) => [...a].filter((x) => !b.has(x));

function shapes(doc: OpenApiDocument): Map<string, OperationShape> {
  const out = new Map<string, OperationShape>();
  for (const op of listOperations(doc)) {
    const params = new Map<string, { required: boolean; type: string }>();
    for (const raw of op.parameters) {
      const p = resolveRef(doc, raw);
      params.set(`${p.in}.${p.name}`, { required: Boolean(p.required), type: parameterType(doc, p) });
    }
    const body = op.operation.requestBody ? resolveRef(doc, op.operation.requestBody) : undefined;
    const requestSchema = body?.content?.['application/json']?.schema;
    const request = new Map((requestSchema ? flattenFields(doc, requestSchema) : []).map((f) => [f.path, f] as const));
    if (body?.required) request.set('(body)', { path: '(body)', type: 'object', required: true, nullable: false });
    const success = Object.keys(op.operation.responses).filter((code) => code.startsWith('2'));
    const responses = new Map<string, Map<string, FieldFact>>();
    for (const code of success) {
      const schema = resolveRef(doc, op.operation.responses[code]).content?.['application/json']?.schema;
      responses.set(code, new Map((schema ? flattenFields(doc, schema) : []).map((f) => [f.path, f] as const)));
    }
    out.set(`${op.method.toUpperCase()} ${op.path}`, { success, params, request, responses });
  }
  return out;
}

/** What a request field or parameter may no longer be sent as. */
function requestChanges(
  where: string,
  before: { required: boolean; type: string; enum?: string[] } | undefined,
  after: { required: boolean; type: string; enum?: string[] } | undefined,
): SpecChange[] {
  if (!before && after)
    return [{ breaking: after.required, where, what: after.required ? 'new required input' : 'new optional input' }];
  if (before && !after) return [{ breaking: true, where, what: 'input removed' }];
  if (!before || !after) return [];
  const changes: SpecChange[] = [];
  if (!before.required && after.required) changes.push({ breaking: true, where, what: 'input became required' });
  const lost = missingFrom(types(before.type), types(after.type));
  if (lost.length > 0)
    changes.push({
      breaking: true,
      where,
      what: `no longer accepts ${lost.join(', ')} (${before.type} -> ${after.type})`,
    });
  const lostValues = before.enum && after.enum ? missingFrom(before.enum, new Set(after.enum)) : [];
  if (lostValues.length > 0)
    changes.push({ breaking: true, where, what: `enum values removed: ${lostValues.join(', ')}` });
  return changes;
}

/** What a response field may now be that a client did not expect. */
function responseChanges(where: string, before: FieldFact | undefined, after: FieldFact | undefined): SpecChange[] {
  if (!before && after) return [{ breaking: false, where, what: 'new response field' }];
  if (before && !after) return [{ breaking: true, where, what: 'response field removed' }];
  if (!before || !after) return [];
  const changes: SpecChange[] = [];
  if (before.required && !after.required)
    changes.push({ breaking: true, where, what: 'response field may now be absent' });
  if (!before.nullable && after.nullable)
    changes.push({ breaking: true, where, what: 'response field may now be null' });
  const gained = missingFrom(types(after.type), types(before.type)).filter((t) => t !== 'null');
  if (gained.length > 0)
    changes.push({
      breaking: true,
      where,
      what: `response field may now be ${gained.join(', ')} (${before.type} -> ${after.type})`,
    });
  const newValues = before.enum && after.enum ? missingFrom(after.enum, new Set(before.enum)) : [];
  if (newValues.length > 0) changes.push({ breaking: true, where, what: `new enum values: ${newValues.join(', ')}` });
  return changes;
}

export function diffSpecs(before: OpenApiDocument, after: OpenApiDocument): SpecChange[] {
  const old = shapes(before);
  const now = shapes(after);
  const changes: SpecChange[] = [];
  for (const [key, shape] of old) {
    const next = now.get(key);
    if (!next) {
      changes.push({ breaking: true, where: key, what: 'operation removed' });
      continue;
    }
    for (const code of shape.success)
      if (!next.success.includes(code))
        changes.push({ breaking: true, where: key, what: `success status ${code} no longer answered` });
    for (const name of new Set([...shape.params.keys(), ...next.params.keys()]))
      changes.push(...requestChanges(`${key} ${name}`, shape.params.get(name), next.params.get(name)));
    for (const path of new Set([...shape.request.keys(), ...next.request.keys()]))
      changes.push(...requestChanges(`${key} body.${path}`, shape.request.get(path), next.request.get(path)));
    for (const [code, fields] of shape.responses) {
      const nextFields = next.responses.get(code);
      if (!nextFields) continue;
      for (const path of new Set([...fields.keys(), ...nextFields.keys()]))
        changes.push(...responseChanges(`${key} ${code} ${path}`, fields.get(path), nextFields.get(path)));
    }
  }
  for (const key of now.keys())
    if (!old.has(key)) changes.push({ breaking: false, where: key, what: 'operation added' });
  return changes;
}

export interface DriftVerdict {
  changes: SpecChange[];
  breaking: SpecChange[];
  versionBefore: string;
  versionAfter: string;
  ok: boolean;
}

/** Breaking changes are allowed only with a new `info.version`. */
export function judgeDrift(before: OpenApiDocument, after: OpenApiDocument): DriftVerdict {
  const changes = diffSpecs(before, after);
  const breaking = changes.filter((c) => c.breaking);
  const versionBefore = String(before.info?.version);
  const versionAfter = String(after.info?.version);
  return {
    changes,
    breaking,
    versionBefore,
    versionAfter,
    ok: breaking.length === 0 || versionBefore !== versionAfter,
  };
}
