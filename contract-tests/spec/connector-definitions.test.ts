// The connector definitions under openapi/connectors/ against the facts of the published definitions
// (fixtures/agent-connector-facts.json): every connector, entity, action, param, metadata key and record field, with
// names, types, required flags, enums, defaults and bounds. Types chosen where the facts give none are marked
// x-inferred; header params stay the connector's own.
import { describe, expect, it } from 'vitest';
import facts from '../fixtures/agent-connector-facts.json' with { type: 'json' };
import { connectorDefinition, connectorIndex, type JsonSchema } from '../../mocks/connectors/definitions.js';

type FactField = { name: string; type: string; fields?: FactField[]; enum?: unknown[]; required?: boolean };
type FactParam = {
  name: string;
  in: string;
  required: boolean;
  type: string;
  enum?: unknown[];
  itemEnum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  keys?: string[];
};
type FactConnector = (typeof facts.connectors)[number];

/** A facts type (`string(date-time)|null`, `array<object>`) as its sorted alternatives, formats and item types kept. */
function factAlternatives(type: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < type.length; i++) {
    if (type[i] === '<') depth++;
    if (type[i] === '>') depth--;
    if (type[i] === '|' && depth === 0) {
      parts.push(type.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(type.slice(start));
  return parts
    .map((p) => p.trim())
    .map((p) => {
      const inner = /^array<(.*)>$/.exec(p);
      return inner ? `array<${factAlternatives(inner[1]!).join('|')}>` : p;
    })
    .sort();
}

/** The same, read back from a JSON Schema. */
function schemaAlternatives(schema: JsonSchema): string[] {
  if (schema.anyOf) return schema.anyOf.flatMap(schemaAlternatives).sort();
  if (schema.type === undefined) return ['any'];
  const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types
    .map((t) => {
      if (t === 'array' && schema.items) {
        const inner = schemaAlternatives(schema.items);
        // `array<object>` with fields and `array` with fields both become items of type object.
        return `array<${inner.join('|')}>`;
      }
      return schema.format && t !== 'null' ? `${t}(${schema.format})` : t;
    })
    .sort();
}

/** `array` with fields is written as items of type object; compare it as the facts' `array<object>`. */
const normalizeFactType = (type: string, hasFields: boolean) =>
  factAlternatives(type)
    .map((t) => (t === 'array' && hasFields ? 'array<object>' : t))
    .sort();

function expectRecordFields(fields: FactField[], schema: JsonSchema, where: string) {
  const properties: Record<string, JsonSchema> = schema.properties ?? schema.items?.properties ?? {};
  expect(Object.keys(properties), `${where}: field names`).toEqual(fields.map((f) => f.name));
  for (const field of fields) {
    const property = properties[field.name]!;
    const at = `${where}.${field.name}`;
    if (field.type === 'any') {
      if (!field.fields?.length)
        expect(property['x-inferred'], `${at}: a type chosen here is marked x-inferred`).toBe(true);
    } else {
      expect(schemaAlternatives(property), `${at}: type`).toEqual(
        normalizeFactType(field.type, Boolean(field.fields?.length)),
      );
    }
    if (field.enum)
      expect(
        (property.enum as unknown[]).filter((v) => v !== null),
        `${at}: enum`,
      ).toEqual(field.enum.filter((v) => v !== null));
    if (field.fields?.length)
      expectRecordFields(
        field.fields,
        property.type === 'array' || (Array.isArray(property.type) && property.type.includes('array'))
          ? property.items
          : property,
        at,
      );
  }
  const required = fields.filter((f) => f.required).map((f) => f.name);
  expect(schema.required ?? schema.items?.required ?? [], `${where}: required`).toEqual(required);
}

function expectParams(params: FactParam[], schema: JsonSchema, headers: Record<string, JsonSchema>, where: string) {
  const own = params.filter((p) => p.in !== 'header');
  expect(Object.keys(schema.properties), `${where}: param names`).toEqual(own.map((p) => p.name));
  expect(schema.additionalProperties, `${where}: unknown params refused`).toBe(false);
  expect(schema.required ?? [], `${where}: required params`).toEqual(own.filter((p) => p.required).map((p) => p.name));
  for (const param of own) {
    const property = schema.properties[param.name];
    const at = `${where} params.${param.name}`;
    expect(schemaAlternatives(property), `${at}: type`).toEqual(factAlternatives(param.type));
    expect(property['x-in'], `${at}: in`).toBe(param.in);
    for (const key of ['default', 'minimum', 'maximum', 'minLength', 'maxLength'] as const)
      expect(property[key], `${at}: ${key}`).toEqual(param[key]);
    if (param.enum)
      expect(
        (property.enum as unknown[]).filter((v) => v !== null),
        `${at}: enum`,
      ).toEqual(param.enum.filter((v) => v !== null));
    if (param.itemEnum) expect(property.items.enum, `${at}: item enum`).toEqual(param.itemEnum);
    if (param.keys) expect(Object.keys(property.properties), `${at}: keys`).toEqual(param.keys);
  }
  // The connector's own header params are never the caller's: they carry their defaults in x-headers.
  const headerParams = params.filter((p) => p.in === 'header');
  expect(Object.keys(headers), `${where}: header params`).toEqual(headerParams.map((p) => p.name));
  for (const header of headerParams)
    expect(headers[header.name]!.default, `${where} header ${header.name}`).toEqual(header.default);
}

describe('the connector definitions match the facts of the published definitions', () => {
  it('define all 51 connectors, 584 entities and 1,053 actions under their real definition ids', () => {
    expect(connectorIndex().map((c) => [c.name, c.definitionId])).toEqual(
      [...facts.connectors].sort((a, b) => (a.name < b.name ? -1 : 1)).map((c) => [c.name, c.definitionId]),
    );
    let entities = 0;
    let actions = 0;
    for (const { name } of connectorIndex()) {
      const definition = connectorDefinition(name)!;
      entities += definition.entities.size;
      for (const entity of definition.entities.values()) actions += entity.actions.size;
    }
    expect([entities, actions]).toEqual([584, 1053]);
  });

  it('find a connector by definition id, name or title, and nothing else', () => {
    expect(connectorDefinition('ef69ef6e-aa7f-4af1-a01d-ef775033524e')?.name).toBe('github');
    expect(connectorDefinition('GitHub')?.definitionId).toBe('ef69ef6e-aa7f-4af1-a01d-ef775033524e');
    expect(connectorDefinition('zendesk-support')?.title).toBe('Zendesk Support');
    expect(connectorDefinition('__proto__')).toBeUndefined();
    expect(connectorDefinition('git')).toBeUndefined();
  });

  describe.each(facts.connectors.map((c) => [c.name, c] as [string, FactConnector]))('%s', (name, fact) => {
    const definition = connectorDefinition(name)!;

    it('has the connector facts: id, title, version, credentials options, replication config, scoping, relationships', () => {
      expect([definition.definitionId, definition.title, definition.version]).toEqual([
        fact.definitionId,
        fact.title,
        fact.version,
      ]);
      expect(definition.credentials).toHaveLength(fact.auth.length);
      fact.auth.forEach((option, i) => {
        const own = definition.credentials[i]!;
        const title = (option as { title?: string }).title;
        if (title) expect(own.title).toBe(title);
        expect(Object.keys(own.fields.properties)).toEqual(Object.keys(option.fields));
        for (const [key, type] of Object.entries(option.fields))
          expect(schemaAlternatives(own.fields.properties[key]!), `${key}`).toEqual(factAlternatives(type));
        expect(own.fields.required).toEqual(option.required);
        expect(own.credentials).toEqual(option.credentials);
        expect(own.constants ?? null).toEqual((option as { constants?: unknown }).constants ?? null);
      });
      const config = (fact as { replicationConfig?: { required: string[]; properties: Record<string, string> } })
        .replicationConfig;
      if (config) {
        expect(definition.replicationConfig?.required).toEqual(config.required);
        for (const [key, type] of Object.entries(config.properties))
          expect(schemaAlternatives(definition.replicationConfig!.properties[key])).toEqual(factAlternatives(type));
      } else {
        expect(definition.replicationConfig).toBeNull();
      }
      expect(definition.scoping).toEqual((fact as { scoping?: unknown[] }).scoping ?? []);
      expect(definition.relationships).toEqual((fact as { relationships?: unknown[] }).relationships ?? []);
    });

    it('has every entity and action with its params, metadata keys, record fields and upstream endpoint', () => {
      expect([...definition.entities.keys()]).toEqual(Object.keys(fact.entities));
      for (const [entityName, entityFact] of Object.entries(
        fact.entities as unknown as Record<string, { actions: Record<string, any>; contextStoreFields?: FactField[] }>,
      )) {
        const entity = definition.entities.get(entityName)!;
        expect([...entity.actions.keys()], `${entityName}: actions`).toEqual(Object.keys(entityFact.actions));
        if (entityFact.contextStoreFields) {
          expect(Object.keys(entity.contextStore!.fields)).toEqual(entityFact.contextStoreFields.map((f) => f.name));
        } else {
          expect(entity.contextStore).toBeNull();
        }
        for (const [actionName, actionFact] of Object.entries(entityFact.actions)) {
          const action = entity.actions.get(actionName)!;
          const where = `${name} ${entityName}.${actionName}`;
          expectParams(actionFact.params, action.params, action.headers, where);
          expect(Object.keys(action.meta?.properties ?? {}), `${where}: metadata keys`).toEqual(
            Object.keys(actionFact.meta ?? {}),
          );
          for (const [key, from] of Object.entries(actionFact.meta ?? {}))
            expect(action.meta!.properties[key]['x-from'], `${where} meta ${key}`).toBe(from);
          if (actionFact.recordFields?.length) expectRecordFields(actionFact.recordFields, action.record!, where);
          expect(action.upstream, `${where}: upstream`).toEqual({
            method: actionFact.method,
            path: actionFact.upstreamPath,
            ...(actionFact.upstreamBody ? { body: actionFact.upstreamBody } : {}),
          });
          expect(action.variants, `${where}: variants`).toEqual(
            (actionFact.variants ?? []).map((v: { upstreamPath: string; params: string[] }) => ({
              upstream: { method: actionFact.method, path: v.upstreamPath },
              params: v.params,
            })),
          );
          expect(action.check, `${where}: preferred for check`).toBe(actionFact.preferredForCheck === true);
        }
      }
    });

    it('pages each list with params and metadata keys the action really has', () => {
      for (const entity of definition.entities.values()) {
        for (const action of entity.actions.values()) {
          if (!action.paging) continue;
          const where = `${name} ${entity.name}.${action.action}`;
          const { style, size, cursor, next, rel, more, done, total } = action.paging;
          const params = Object.keys(action.params.properties);
          const meta = Object.keys(action.meta?.properties ?? {});
          if (size) expect(params, `${where}: size param`).toContain(size);
          if (cursor) expect(params, `${where}: cursor param`).toContain(cursor);
          if (next) expect(meta, `${where}: next key`).toContain(next.split('.')[0]);
          for (const key of [more, done, total]) if (key) expect(meta, where).toContain(key);
          if (style === 'cursor' || style === 'link')
            expect(next, `${where}: a ${style} pager reads a next key`).not.toBeNull();
          if (style !== 'none') expect(cursor, `${where}: a ${style} pager hands a position back`).not.toBeNull();
          // rel: the next key is an array of link objects, one of which is the next page's.
          if (rel) {
            expect(style, `${where}: rel is a link pager's`).toBe('link');
            expect(action.meta!.properties[next!].items.properties, `${where}: link objects`).toMatchObject({
              href: { type: 'string', format: 'uri' },
              rel: { type: 'string' },
              method: { type: 'string' },
            });
          }
        }
      }
    });
  });

  it('page the lists the way their connectors do (spot checks)', () => {
    const paging = (connector: string, entity: string, action = 'list') =>
      connectorDefinition(connector)!.entities.get(entity)!.actions.get(action)!.paging;
    expect(paging('github', 'issues')).toMatchObject({
      style: 'cursor',
      size: 'per_page',
      cursor: 'after',
      next: 'end_cursor',
      more: 'has_next_page',
    });
    expect(paging('stripe', 'customers')).toMatchObject({
      style: 'last_id',
      size: 'limit',
      cursor: 'starting_after',
      more: 'has_more',
    });
    expect(paging('hubspot', 'contacts')).toMatchObject({ style: 'cursor', cursor: 'after', next: 'next_cursor' });
    expect(paging('notion', 'blocks')).toMatchObject({
      style: 'cursor',
      cursor: 'start_cursor',
      next: 'next_cursor',
      more: 'has_more',
    });
    expect(paging('freshdesk', 'tickets')).toMatchObject({ style: 'link', cursor: 'page', next: 'next' });
    expect(paging('asana', 'tasks')).toMatchObject({ style: 'cursor', cursor: 'offset', next: 'next_page.offset' });
    expect(paging('zoho-crm', 'leads')).toMatchObject({ style: 'page', cursor: 'page', more: 'more_records' });
    expect(paging('salesforce', 'accounts')).toMatchObject({ style: 'none', done: 'done' });
    // PayPal's `links` array: the href whose rel is next, carrying the page number or the next_page_token.
    expect(paging('paypal-transaction', 'list_products')).toMatchObject({
      style: 'link',
      cursor: 'page',
      next: 'next',
      rel: 'next',
    });
    expect(paging('paypal-transaction', 'list_disputes')).toMatchObject({
      style: 'link',
      cursor: 'next_page_token',
      next: 'next',
      rel: 'next',
    });
  });
});
