// A connector's docs skill, generated from its definition (openapi/connectors/<name>.yaml), never written by hand: an
// overview, how to connect, and a section per entity and per action: the params with their types, whether they are
// required, allowed values, defaults and bounds; how the action pages; its connector_metadata; the fields of its
// records; and an example call. What an agent reads before it calls `execute`.
import type { components } from '../../generated/agent-engine.js';
import type { ActionDefinition, ConnectorDefinition, EntityDefinition, JsonSchema } from '../connectors/definitions.js';
import { relationsOf } from '../execute/relations.js';

type Block = components['schemas']['SkillContentBlock'];
type OutlineSection = components['schemas']['SkillOutlineSection'];

export interface ConnectorDocs {
  outline: OutlineSection[];
  /** What a read without `section` answers: the overview. */
  overview: Block[];
  /** Every section of the outline by id, the overview too. */
  sections: Map<string, Block[]>;
  /** Entity and action names, for search. */
  keywords: string[];
  entityCount: number;
  actionCount: number;
}

/** Nested params and record fields are listed this many levels deep (`query.filter`, `author.login`). */
const MAX_DEPTH = 2;
/** An outline summary names at most this many params. */
const SUMMARY_PARAMS = 8;

const heading = (text: string, level: number): Block => ({ type: 'heading', text, level });
const paragraph = (text: string): Block => ({ type: 'paragraph', text });
const list = (items: string[]): Block => ({ type: 'list', items });
const table = (headers: string[], rows: string[][]): Block => ({ type: 'table', headers, rows });
const code = (language: string, text: string): Block => ({ type: 'code', language, code: text });

export const entitySectionId = (entity: string) => `entity:${entity}`;
export const actionSectionId = (entity: string, action: string) => `action:${entity}.${action}`;

const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** A schema's type in the notation the docs use: `string(date-time)|null`, `array<string>`, `any`. */
export function typeOf(schema: JsonSchema | undefined): string {
  if (!schema) return 'any';
  const union: JsonSchema[] | undefined = schema.anyOf ?? schema.oneOf;
  if (union) return [...new Set(union.map(typeOf))].join('|');
  if (schema.const !== undefined) return `const ${asText(schema.const)}`;
  if (schema.type === undefined) return schema.properties ? 'object' : 'any';
  const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types
    .map((t) =>
      t === 'array' ? `array<${typeOf(schema.items)}>` : t !== 'null' && schema.format ? `${t}(${schema.format})` : t,
    )
    .join('|');
}

/** The values a schema allows (its enum, or its items' enum), null left out. */
export function allowedValues(schema: JsonSchema): string {
  const values: unknown[] | undefined = schema.enum ?? schema.items?.enum;
  return values
    ? values
        .filter((v) => v !== null)
        .map(asText)
        .join(', ')
    : '';
}

export function defaultOf(schema: JsonSchema): string {
  return schema.default === undefined ? '' : asText(schema.default);
}

/** A schema's bounds in words: `1 to 100`, `≥ 0`, `length ≤ 512`, `at most 10 items`, `pattern ^\d+$`. */
export function boundsOf(schema: JsonSchema): string {
  const range = (min: unknown, max: unknown, unit = '') => {
    if (min !== undefined && max !== undefined) return `${unit}${asText(min)} to ${asText(max)}`;
    if (min !== undefined) return `${unit}≥ ${asText(min)}`;
    if (max !== undefined) return `${unit}≤ ${asText(max)}`;
    return '';
  };
  const parts = [
    range(schema.minimum, schema.maximum),
    schema.exclusiveMinimum !== undefined ? `> ${asText(schema.exclusiveMinimum)}` : '',
    schema.exclusiveMaximum !== undefined ? `< ${asText(schema.exclusiveMaximum)}` : '',
    range(schema.minLength, schema.maxLength, 'length '),
    range(schema.minItems, schema.maxItems, 'items '),
    schema.pattern !== undefined ? `pattern ${schema.pattern}` : '',
  ];
  return parts.filter(Boolean).join('; ');
}

/** The fields of an object schema as `[path, schema, required]`, nested objects as dotted paths. */
function fieldsOf(schema: JsonSchema | null | undefined, prefix = '', depth = 1): [string, JsonSchema, boolean][] {
  const object = schema?.type === 'array' ? schema.items : schema;
  if (!object?.properties) return [];
  const required = new Set<string>(object.required ?? []);
  return Object.entries<JsonSchema>(object.properties).flatMap(([name, property]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    const nested = depth < MAX_DEPTH && property.properties ? fieldsOf(property, path, depth + 1) : [];
    return [[path, property, required.has(name)] as [string, JsonSchema, boolean], ...nested];
  });
}

/** A value to show in an example call: the default, else a placeholder of the param's type. */
function placeholder(name: string, schema: JsonSchema): unknown {
  if (schema.default !== undefined) return schema.default;
  const values: unknown[] | undefined = schema.enum;
  if (values?.length) return values.find((v) => v !== null) ?? null;
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return `<${name}>`;
  }
}

function pagingText(action: ActionDefinition): string[] {
  const paging = action.paging;
  if (!paging) return [];
  const meta = (key: string | null) => `connector_metadata.${key}`;
  const out: string[] = [];
  if (paging.size) out.push(`params.${paging.size} sets the page size.`);
  switch (paging.style) {
    case 'cursor':
      out.push(`Pages by cursor: pass ${meta(paging.next)} back as params.${paging.cursor}.`);
      break;
    case 'link':
      out.push(
        paging.rel
          ? `Pages by link: ${meta(paging.next)} is a list of links ({href, rel, method}); the one with rel "${paging.rel}" is the next page's URL (none on the last page); pass its ${paging.cursor} parameter back as params.${paging.cursor}.`
          : `Pages by link: ${meta(paging.next)} is the next page's URL; pass its ${paging.cursor} parameter back as params.${paging.cursor}.`,
      );
      break;
    case 'last_id':
      out.push(`Pages after the last record: pass the last record's key back as params.${paging.cursor}.`);
      break;
    case 'offset':
      out.push(
        `Pages by offset: params.${paging.cursor} is the number of records to skip; add the page size for the next page.`,
      );
      break;
    case 'page':
      out.push(`Pages by page number: params.${paging.cursor} is the page; add one for the next page.`);
      break;
    case 'none':
      out.push('Does not page through execute: one call answers what the service returns.');
      break;
  }
  if (paging.more) out.push(`${meta(paging.more)} says whether there is more.`);
  if (paging.done) out.push(`${meta(paging.done)} is true on the last page.`);
  if (paging.total) out.push(`${meta(paging.total)} counts every record.`);
  return out;
}

function actionSection(definition: ConnectorDefinition, entity: EntityDefinition, action: ActionDefinition): Block[] {
  // Where the value comes from: the connector's configuration, or a parent record the caller lists first.
  const parents = new Map(
    relationsOf(definition)
      .linksOf(action)
      .map((link) => [link.param, link]),
  );
  const scopedFrom = (schema: JsonSchema, path: string) => {
    if (schema['x-scoped-from']) return `filled from replication_config.${schema['x-scoped-from']} when left out`;
    const link = parents.get(path);
    return link
      ? `the ${link.parentFields.slice(0, 2).join(' or ')} of a record of ${link.parent} (list ${link.parent} first); an unknown one is a 404`
      : '';
  };
  const params = fieldsOf(action.params);
  const blocks: Block[] = [heading(`${entity.name} ${action.action}`, 2)];
  blocks.push(
    params.length > 0
      ? table(
          ['param', 'type', 'required', 'allowed', 'default', 'bounds', 'notes'],
          params.map(([path, schema, required]) => [
            path,
            typeOf(schema),
            required ? 'yes' : 'no',
            allowedValues(schema),
            defaultOf(schema),
            boundsOf(schema),
            scopedFrom(schema, path),
          ]),
        )
      : paragraph('Takes no params.'),
  );
  if (action.key)
    blocks.push(
      paragraph(`params.${action.key.param} names the record: it matches the record field ${action.key.field}.`),
    );
  const paging = pagingText(action);
  if (paging.length > 0) blocks.push(heading('Paging', 3), paragraph(paging.join(' ')));
  const meta = Object.entries<JsonSchema>(action.meta?.properties ?? {});
  if (meta.length > 0) {
    blocks.push(
      heading('connector_metadata', 3),
      table(
        ['key', 'type', 'role'],
        meta.map(([key, schema]) => [key, typeOf(schema), String(schema['x-role'] ?? '')]),
      ),
    );
  }
  if (action.action === 'download') {
    blocks.push(
      paragraph(
        "Answers the file's bytes (application/octet-stream with a Content-Disposition header), not the JSON envelope.",
      ),
    );
  } else {
    const fields = fieldsOf(action.record);
    blocks.push(heading('Record fields', 3));
    blocks.push(
      fields.length > 0
        ? table(
            ['field', 'type'],
            fields.map(([path, schema]) => [path, typeOf(schema)]),
          )
        : paragraph('The definition does not describe the records of this action.'),
    );
    blocks.push(paragraph(action.result?.type === 'array' ? 'result: the list of records.' : 'result: one record.'));
  }
  const example = Object.fromEntries(
    params
      .filter(([path, schema, required]) => required && !path.includes('.') && !schema['x-scoped-from'])
      .map(([path, schema]) => [path, placeholder(path, schema)]),
  );
  blocks.push(
    heading('Example', 3),
    code('json', JSON.stringify({ entity: entity.name, action: action.action, params: example })),
  );
  return blocks;
}

function entitySection(definition: ConnectorDefinition, entity: EntityDefinition): Block[] {
  const actions = [...entity.actions.keys()];
  const blocks: Block[] = [
    heading(entity.name, 2),
    paragraph(`Actions: ${actions.join(', ')}.${entity.key ? ` A record is named by its ${entity.key}.` : ''}`),
  ];
  if (entity.contextStore) {
    blocks.push(
      paragraph(
        `The context store keeps these fields of ${entity.name}; search them with the action context_store_search.`,
      ),
      table(
        ['field', 'type'],
        Object.entries<JsonSchema>(entity.contextStore.fields).map(([field, schema]) => [field, typeOf(schema)]),
      ),
    );
  } else {
    blocks.push(paragraph(`The context store does not keep ${entity.name}: every action reads the service directly.`));
  }
  const related = definition.relationships.filter(
    (r) => r.source_entity === entity.name || r.target_entity === entity.name,
  );
  if (related.length > 0) {
    blocks.push(
      heading('Related entities', 3),
      list(
        related.map(
          (r) => `${r.source_entity}.${r.foreign_key} → ${r.target_entity}.${r.target_key} (${r.cardinality})`,
        ),
      ),
    );
  }
  blocks.push(
    list(
      actions.map((action) => `${actionSectionId(entity.name, action)}: params, paging and record fields of ${action}`),
    ),
  );
  return blocks;
}

function connectSection(definition: ConnectorDefinition): Block[] {
  const blocks: Block[] = [
    heading('Connect', 2),
    paragraph(
      `Create the connector with POST /api/v1/integrations/connectors: definition_id ${definition.definitionId} (or connector_type "${definition.title}") and credentials in one of these shapes. Secrets are stored and never returned.`,
    ),
    table(
      ['option', 'credentials fields', 'required'],
      definition.credentials.map((option) => [
        option.title,
        Object.entries(option.fields.properties)
          .map(([name, schema]) => `${name}: ${typeOf(schema)}${schema['x-secret'] ? ' (secret)' : ''}`)
          .join(', '),
        option.fields.required.join(', '),
      ]),
    ),
  ];
  const config = fieldsOf(definition.replicationConfig);
  if (config.length > 0) {
    blocks.push(
      paragraph("replication_config takes the connector's non-secret settings:"),
      table(
        ['key', 'type', 'required'],
        config.map(([path, schema, required]) => [path, typeOf(schema), required ? 'yes' : 'no']),
      ),
    );
  }
  if (definition.scoping.length > 0) {
    blocks.push(
      paragraph(
        `Params filled from replication_config when left out: ${definition.scoping.map((s) => `${s.param} (from ${s.config_key})`).join(', ')}.`,
      ),
    );
  }
  return blocks;
}

const cache = new Map<string, ConnectorDocs>();

/** The docs of a connector definition, generated once per definition. */
export function connectorDocs(definition: ConnectorDefinition): ConnectorDocs {
  const key = `${definition.name}@${definition.version}`;
  const cached = cache.get(key);
  if (cached) return cached;

  const entities = [...definition.entities.values()];
  const actionCount = entities.reduce((sum, e) => sum + e.actions.size, 0);
  const outline: OutlineSection[] = [
    {
      id: 'overview',
      title: 'Overview',
      summary: `What ${definition.title} offers through execute, entity by entity.`,
      available: true,
    },
    { id: 'connect', title: 'Connect', summary: 'Credentials options and replication_config.', available: true },
  ];
  const sections = new Map<string, Block[]>();
  for (const entity of entities) {
    outline.push({
      id: entitySectionId(entity.name),
      title: entity.name,
      summary: `Actions: ${[...entity.actions.keys()].join(', ')}.`,
      available: true,
    });
    sections.set(entitySectionId(entity.name), entitySection(definition, entity));
    for (const action of entity.actions.values()) {
      const names = Object.keys(action.params.properties ?? {});
      const required: string[] = action.params.required ?? [];
      const summary =
        names.length === 0
          ? 'No params.'
          : `Params: ${names.slice(0, SUMMARY_PARAMS).join(', ')}${names.length > SUMMARY_PARAMS ? ', …' : ''}${required.length > 0 ? ` (required: ${required.join(', ')})` : ''}.`;
      outline.push({
        id: actionSectionId(entity.name, action.action),
        title: `${entity.name} ${action.action}`,
        summary,
        available: true,
      });
      sections.set(actionSectionId(entity.name, action.action), actionSection(definition, entity, action));
    }
  }
  const overview: Block[] = [
    heading(definition.title, 1),
    paragraph(
      `Call an action with POST /api/v1/integrations/connectors/{id}/execute and {entity, action, params}; params go flat in params. ${entities.length} entities, ${actionCount} actions. Read a section of the outline (${entitySectionId('<entity>')}, ${actionSectionId('<entity>', '<action>')}) for its params, paging and record fields.`,
    ),
    table(
      ['entity', 'actions', 'context store'],
      entities.map((e) => [e.name, [...e.actions.keys()].join(', '), e.contextStore ? 'yes' : 'no']),
    ),
  ];
  sections.set('overview', overview);
  sections.set('connect', connectSection(definition));
  const keywords = [
    ...new Set(entities.flatMap((e) => [e.name, ...[...e.actions.keys()].map((a) => `${e.name} ${a}`)])),
  ];
  const docs: ConnectorDocs = { outline, overview, sections, keywords, entityCount: entities.length, actionCount };
  cache.set(key, docs);
  return docs;
}

/** The docs of a connector the definitions do not know: an overview saying so. */
export function undefinedConnectorDocs(title: string): ConnectorDocs {
  const overview: Block[] = [
    heading(title, 1),
    paragraph(`There is no agent connector definition for ${title}: execute cannot run actions on it.`),
  ];
  return {
    outline: [{ id: 'overview', title: 'Overview', summary: 'No agent connector definition.', available: true }],
    overview,
    sections: new Map([['overview', overview]]),
    keywords: [],
    entityCount: 0,
    actionCount: 0,
  };
}
