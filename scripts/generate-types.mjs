#!/usr/bin/env node
// Writes generated/*.d.ts from openapi/*.yaml with openapi-typescript, or with --check fails when any of them is stale.
// The spec/output pairs come from redocly.yaml (`apis.*.x-openapi-ts.output`), the one list both tools read, plus one
// per agent connector definition: openapi/connectors/<name>.yaml -> generated/connectors/<name>.d.ts. Beside the types,
// one data module: generated/connector-paging.ts, the paging table of every connector (from their `x-paging`).
// --only a,b limits the run to those names (an API of redocly.yaml, `connectors/<name>`, or `connector-paging`).
// The Node API is used instead of the CLI because the CLI's --check stops at the first up-to-date file.
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { load } from 'js-yaml';
import { parse } from 'yaml';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

// Types follow `required` exactly (a default does not make a field required) and free-form objects are
// `Record<string, unknown>` rather than `Record<string, never>`.
export const GENERATOR_OPTIONS = { defaultNonNullable: false, emptyObjectsUnknown: true };

// --root DIR runs on a copy of the project (the tests use it to prove that a changed spec is caught).
const rootFlag = process.argv.indexOf('--root');
const root = rootFlag > 0 ? resolve(process.argv[rootFlag + 1]) : resolve(dirname(new URL(import.meta.url).pathname), '..');

const onlyFlag = process.argv.indexOf('--only');
const only = onlyFlag > 0 ? new Set(process.argv[onlyFlag + 1].split(',')) : null;

/** Every spec and where its types go. */
async function targets() {
  const { apis } = parse(await readFile(resolve(root, 'redocly.yaml'), 'utf8'));
  const list = Object.entries(apis).map(([name, api]) => {
    const output = api['x-openapi-ts']?.output;
    if (!output) throw new Error(`redocly.yaml: api ${name} has no x-openapi-ts.output`);
    return { name, spec: api.root, output };
  });
  const connectors = (await readdir(resolve(root, 'openapi/connectors')).catch(() => [])).filter((f) => f.endsWith('.yaml')).sort();
  for (const file of connectors) {
    const name = file.replace(/\.yaml$/, '');
    list.push({ name: `connectors/${name}`, spec: `openapi/connectors/${file}`, output: `generated/connectors/${name}.d.ts` });
  }
  list.push({ name: 'connector-paging', spec: 'openapi/connectors/*.yaml', output: 'generated/connector-paging.ts', build: () => pagingTable(connectors) });
  return only ? list.filter((t) => only.has(t.name)) : list;
}

export async function generateAll() {
  const results = [];
  for (const { name, spec, output, build } of await targets()) {
    const text = build ? await build() : descriptionsAsDocText(COMMENT_HEADER + astToString(await openapiTS(pathToFileURL(resolve(root, spec)), { ...GENERATOR_OPTIONS, silent: true })));
    results.push({ name, spec, output, text });
  }
  return results;
}

/**
 * openapi-typescript writes a schema's `description` as a `@description` tag, which editors show as a tag below an
 * empty hover. Moved to the comment's text (after the title or summary, before `Format:` and the tags), it is what a
 * hover on the field or operation shows first.
 */
export function descriptionsAsDocText(text) {
  return text.replace(/\/\*\*(?:[^*]|\*(?!\/))*\*\//g, (comment) => {
    if (!comment.includes('@description')) return comment;
    const single = /^\/\*\* @description ([\s\S]*) \*\/$/.exec(comment);
    if (single) return `/** ${single[1]} */`;
    const lines = comment.split('\n');
    const indent = /^(\s*)\*/.exec(lines[1] ?? '')?.[1] ?? ' ';
    const body = lines.slice(1, -1).map((line) => line.replace(/^\s*\* ?/, ''));
    const start = body.findIndex((line) => line.startsWith('@description '));
    if (start < 0) return comment;
    let end = start + 1;
    while (end < body.length && !body[end].startsWith('@')) end += 1;
    const description = [body[start].slice('@description '.length), ...body.slice(start + 1, end).map((line) => line.replace(/^ {4}/, ''))];
    const rest = [...body.slice(0, start), ...body.slice(end)];
    let at = rest.findIndex((line) => line.startsWith('@') || line.startsWith('Format: '));
    if (at < 0) at = rest.length;
    // Paragraphs of their own: the lines of a JSDoc text run together otherwise.
    const before = rest.slice(0, at);
    const after = rest.slice(at);
    const merged = [...before, ...(before.length ? [''] : []), ...description, ...(after[0]?.startsWith('Format: ') ? [''] : []), ...after];
    return [lines[0], ...merged.map((line) => `${indent}*${line ? ` ${line}` : ''}`), lines[lines.length - 1]].join('\n');
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The paging table: per connector (by definition id), entity and action, the `x-paging` of each list and api_search,
// with what a pager needs beside it (the record key, the page size asked by default, the first page number, whether
// the position is an integer). Rules repeat within a connector, so each connector lists its distinct rules once and
// its entities point at them by index.

const PAGING_STYLES = ['cursor', 'link', 'last_id', 'offset', 'page', 'none'];
const PAGING_FIELDS = ['cursor', 'next', 'size', 'more', 'done', 'total'];

/** One param of an operation's request body (its `$ref` followed), or undefined. */
function paramOf(doc, operation, name) {
  const follow = (node) => (node?.$ref ? follow(node.$ref.replace(/^#\//, '').split('/').reduce((at, key) => at?.[key], doc)) : node);
  const params = follow(operation.requestBody?.content?.['application/json']?.schema);
  return name && Object.hasOwn(params?.properties ?? {}, name) ? follow(params.properties[name]) : undefined;
}

const isInteger = (schema) => schema?.type === 'integer' || (Array.isArray(schema?.type) && schema.type.includes('integer'));

function pagingRule(doc, head, operation) {
  const paging = operation['x-paging'];
  const where = `${head.name} ${operation.operationId}`;
  if (!PAGING_STYLES.includes(paging.style)) throw new Error(`${where}: unknown x-paging style ${JSON.stringify(paging.style)}`);
  // One page is all a pager reads of `none`, whatever keys the metadata has.
  if (paging.style === 'none') return { style: 'none' };
  const rule = { style: paging.style };
  for (const field of PAGING_FIELDS) {
    if (paging[field] === null || paging[field] === undefined) continue;
    if (typeof paging[field] !== 'string') throw new Error(`${where}: x-paging.${field} is not a string`);
    rule[field] = paging[field];
    const size = field === 'size' ? paramOf(doc, operation, paging.size) : undefined;
    if (typeof size?.default === 'number') rule.sizeDefault = size.default;
  }
  const cursor = paramOf(doc, operation, paging.cursor);
  if (paging.style !== 'none' && !cursor) throw new Error(`${where}: x-paging.cursor ${JSON.stringify(paging.cursor)} is not a param`);
  if (paging.style === 'last_id') rule.key = head.entities?.[operation['x-entity']]?.key ?? 'id';
  if (paging.style === 'page') rule.first = cursor.default ?? cursor.minimum ?? 1;
  if (paging.style === 'link' && isInteger(cursor)) rule.integer = true;
  return rule;
}

const literal = (value) => JSON.stringify(value).replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029');
const property = (key) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : literal(key));
const objectText = (object) => `{ ${Object.entries(object).map(([key, value]) => `${property(key)}: ${literal(value)}`).join(', ')} }`;

const PAGING_HEADER = `// Generated by scripts/generate-types.mjs from the x-paging of openapi/connectors/*.yaml: do not edit, run
// \`npm run generate\`. How executePages pages each list and api_search of every agent connector.

/** How one list pages: its definition's \`x-paging\`, with what a pager needs beside it. */
export interface PagingRule {
  /** \`cursor\`, \`link\`, \`last_id\`, \`offset\`, \`page\`, or \`none\` (one page only). */
  style: ${PAGING_STYLES.map(literal).join(' | ')};
  /** The param that takes the next page's position. */
  cursor?: string;
  /** Where in connector_metadata the next position is: a dotted path (\`cursor\`), or the key of the next URL (\`link\`). */
  next?: string;
  /** The param that sets the page size. */
  size?: string;
  /** The size param's default: the size of a page when the caller sets none. */
  sizeDefault?: number;
  /** The connector_metadata key that is \`false\` on the last page. */
  more?: string;
  /** The connector_metadata key that is \`true\` on the last page. */
  done?: string;
  /** The connector_metadata key that counts every record of the list. */
  total?: string;
  /** \`last_id\`: the record field whose last value is the next position. */
  key?: string;
  /** \`page\`: the number of the first page. */
  first?: number;
  /** \`link\`: the position is an integer (read from the URL as text). */
  integer?: boolean;
}

/** One connector's rules, and for each entity and action the index of its rule. */
export interface ConnectorPaging {
  name: string;
  rules: readonly PagingRule[];
  entities: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** Every agent connector by definition id. */
export const CONNECTOR_PAGING: Readonly<Record<string, ConnectorPaging>> = {
`;

async function pagingTable(files) {
  let text = PAGING_HEADER;
  for (const file of files) {
    // js-yaml: three times faster than `yaml` on these 51 files, which --check reads on every run.
    const doc = load(await readFile(resolve(root, 'openapi/connectors', file), 'utf8'));
    const head = doc['x-airbyte-connector'];
    const rules = [];
    const entities = {};
    for (const item of Object.values(doc.paths ?? {})) {
      const operation = item.post;
      if (!operation?.['x-paging']) continue;
      const rule = objectText(pagingRule(doc, head, operation));
      if (!rules.includes(rule)) rules.push(rule);
      (entities[operation['x-entity']] ??= {})[operation['x-action']] = rules.indexOf(rule);
    }
    text += `  // ${head.title}\n  ${literal(head.definitionId)}: {\n    name: ${literal(head.name)},\n    rules: [\n`;
    for (const rule of rules) text += `      ${rule},\n`;
    text += '    ],\n    entities: {\n';
    for (const [entity, actions] of Object.entries(entities)) text += `      ${property(entity)}: ${objectText(actions)},\n`;
    text += '    },\n  },\n';
  }
  return `${text}};\n`;
}

async function main() {
  const check = process.argv.includes('--check');
  const stale = [];
  for (const { spec, output, text } of await generateAll()) {
    const target = resolve(root, output);
    if (check) {
      const current = await readFile(target, 'utf8').catch(() => null);
      if (current !== text) stale.push(`${output} (from ${spec})`);
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
    console.log(`${spec} -> ${output}`);
  }
  if (stale.length > 0) {
    console.error(`Generated types are stale; run \`npm run generate\` and commit the result:\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  if (check) console.log('generated/ is up to date with openapi/');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
