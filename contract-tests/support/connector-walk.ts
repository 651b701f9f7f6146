// A user's walk through one connector's records, against the engine in process: list the root entities, take a listed
// record's key, list its children with it, and so on down every level (ClickUp team → space → folder → list → task).
// Each child list must answer records of the parent named (their own parent field, where they have one, is its key),
// a parent key the mock never produced a 404 in the API's body, and every listed record's get must find it. A failed
// step throws naming the connector, the walk and the step. Shared by the walk test and the bench.
import assert from 'node:assert/strict';
import {
  type ActionDefinition,
  type ConnectorDefinition,
  type JsonSchema,
  connectorDefinition,
} from '../../mocks/connectors/definitions.js';
import { type Dataset, type DatasetOptions, buildDataset } from '../../mocks/execute/dataset.js';
import { SEARCH_TEXT_PARAMS, executeAction } from '../../mocks/execute/engine.js';
import { type Row, valueAt } from '../../mocks/execute/query.js';
import { type ParentLink, relationsOf } from '../../mocks/execute/relations.js';
import { validatorOf } from '../../mocks/execute/schemas.js';
import { replicationConfigOf, sampleValue } from './connector-samples.js';

/** A record reached by the walk, with the path that reached it and the parent records above it. */
interface Reached {
  record: Row;
  walk: string;
  above: Map<string, Row>;
}

interface Walker {
  definition: ConnectorDefinition;
  dataset: Dataset;
  run(entity: string, action: string, params: Row): { status: number; body: any };
}

function walker(name: string, seed: number, options: DatasetOptions): Walker {
  const definition = connectorDefinition(name)!;
  const dataset = buildDataset(definition, seed, options);
  const replicationConfig = replicationConfigOf(definition);
  return {
    definition,
    dataset,
    run: (entity, action, params) =>
      executeAction(
        definition,
        dataset,
        { entity, action, params },
        { connectorId: 'walk', replicationConfig, seed, validateRecords: true },
      ) as { status: number; body: any },
  };
}

/** The value a param takes for a record: the record's own, converted to what the param's schema accepts. */
function asParam(schema: JsonSchema, value: unknown): unknown {
  for (const candidate of [value, String(value), Number(value)])
    if (candidate !== undefined && validatorOf(schema)(candidate)) return candidate;
  return value;
}

/** A key of the param's type that no record of the parent has. */
function unknownKey(schema: JsonSchema, taken: Set<string>): unknown {
  const integer = [schema.type].flat().includes('integer');
  for (let n = 0; ; n++) {
    const value = integer ? 2_000_000_001 + n : `no-such-record-${n}`;
    if (!taken.has(String(value))) return value;
  }
}

/** The params an action needs beside its parents: samples of the required ones the connector does not fill. */
function otherRequired(w: Walker, action: ActionDefinition, linked: Set<string>): Row {
  // Scoped params come from the configuration where it has their key (TikTok's advertiser id is the caller's).
  const config = replicationConfigOf(w.definition);
  const scoped = new Set(w.definition.scoping.filter((s) => Object.hasOwn(config, s.config_key)).map((s) => s.param));
  const params: Row = {};
  for (const name of action.params.required ?? []) {
    const schema = action.params.properties[name] as JsonSchema;
    if (linked.has(name) || scoped.has(name) || schema.default !== undefined) continue;
    params[name] = sampleValue(schema, name);
  }
  return params;
}

/** A walk step's list: `list`, and `api_search` where it needs no search text (a search narrows on purpose). */
const walkable = (action: ActionDefinition) =>
  action.action === 'list' ||
  (action.action === 'api_search' &&
    !(action.params.required ?? []).some((p: string) => SEARCH_TEXT_PARAMS.includes(p) || p === 'filter'));

export interface WalkFigures {
  lists: number;
  gets: number;
}

/** Walks every listable entity of a connector from its roots; throws at the first step that breaks. */
export function walkConnector(
  name: string,
  { seed = 11, ...options }: DatasetOptions & { seed?: number } = {},
): WalkFigures {
  const w = walker(name, seed, options);
  const relations = relationsOf(w.definition);
  const reached = new Map<string, Reached[]>();
  const actions = [...w.definition.entities.values()].flatMap((e) => [...e.actions.values()].filter(walkable));
  const done = new Set<ActionDefinition>();
  let lists = 0;
  let gets = 0;

  /** The links an action must be given: required ones, and path params (an optional one is walked from its parent). */
  const needed = (action: ActionDefinition) => relations.linksOf(action);

  const listOnce = (action: ActionDefinition, parents: [ParentLink, Reached][], walk: string) => {
    const links = new Set(needed(action).map((l) => l.param));
    const params: Row = otherRequired(w, action, links);
    const above = new Map<string, Row>();
    for (const [link, parent] of parents) {
      params[link.param] = asParam(action.params.properties[link.param], parent.record[link.parentFields[0]!]);
      above.set(link.parent, parent.record);
      for (const [entity, record] of parent.above) above.set(entity, record);
    }
    const step = `${walk} → ${action.entity}.${action.action}(${JSON.stringify(params).slice(0, 160)})`;
    const answer = w.run(action.entity, action.action, params);
    lists++;
    assert.equal(answer.status, 200, `${name}: ${step}: ${JSON.stringify(answer.body).slice(0, 300)}`);
    const records: Row[] = answer.body.result;
    assert.ok(records.length > 0, `${name}: ${step} answered no records`);
    // Each child belongs to the parent named: its own parent field, where it has one, is the parent's key.
    for (const [link] of parents) {
      for (const childLink of relations.entityLinks(action.entity).filter((l) => l.parent === link.parent)) {
        if (!childLink.childField) continue;
        for (const record of records) {
          const own = valueAt(record, childLink.childField);
          if (own === undefined || own === null) continue;
          assert.equal(
            String(own),
            String(params[link.param]),
            `${name}: ${step}: ${action.entity}.${childLink.childField} of a child`,
          );
        }
      }
    }
    // ... and is one of that parent's records (an answer without shaping holds the stored records themselves).
    for (const [link] of parents)
      for (const record of records)
        assert.equal(
          String(w.dataset.ancestorOf(record, link.parent)?.[link.parentFields[0]!]),
          String(params[link.param]),
          `${name}: ${step}: a record of another ${link.parent} among the children`,
        );
    // A parent key the mock never produced is the service's not-found, not an empty list.
    for (const [link] of parents) {
      const taken = new Set(
        (w.dataset.get(link.parent) ?? []).flatMap((r) => link.parentFields.map((f) => String(r[f]))),
      );
      const missing = w.run(action.entity, action.action, {
        ...params,
        [link.param]: unknownKey(action.params.properties[link.param], taken),
      });
      assert.equal(missing.status, 404, `${name}: ${step} with an unknown ${link.param}`);
      assert.equal(
        missing.body.errors[0].field,
        `params.${link.param}`,
        `${name}: ${step} with an unknown ${link.param}`,
      );
    }
    const here = reached.get(action.entity) ?? [];
    for (const record of records) here.push({ record, walk: step, above });
    reached.set(action.entity, here);
    // Every listed record's get finds it, by whatever field the definition keys it.
    const get = w.definition.entities.get(action.entity)!.actions.get('get');
    if (get?.key) {
      for (const record of records) {
        const getLinks = relations.linksOf(get);
        const getParams: Row = otherRequired(w, get, new Set([get.key.param, ...getLinks.map((l) => l.param)]));
        for (const link of getLinks) {
          const parent = above.get(link.parent);
          if (parent) getParams[link.param] = asParam(get.params.properties[link.param], parent[link.parentFields[0]!]);
        }
        getParams[get.key.param] = asParam(get.params.properties[get.key.param], record[get.key.field]);
        const found = w.run(action.entity, 'get', getParams);
        gets++;
        const at = `${name}: ${step} → ${action.entity}.get(${JSON.stringify(getParams).slice(0, 120)})`;
        assert.equal(found.status, 200, `${at}: ${JSON.stringify(found.body).slice(0, 300)}`);
        assert.equal(String(found.body.result[get.key.field]), String(record[get.key.field]), at);
      }
    }
  };

  const rootRead = new Set<ActionDefinition>();
  for (let progress = true; progress; ) {
    progress = false;
    for (const action of actions) {
      if (done.has(action)) continue;
      const links = needed(action);
      const requiredLinks = links.filter(
        (l) => (action.params.required ?? []).includes(l.param) || action.params.properties[l.param]['x-in'] === 'path',
      );
      // A root, or a list that can also be read without its optional parent (all of Zendesk's audits): read as is.
      if (requiredLinks.length === 0 && !rootRead.has(action)) {
        rootRead.add(action);
        listOnce(action, [], 'root');
        progress = true;
      }
      if (links.length === 0) {
        done.add(action);
        continue;
      }
      // The deepest parent: the others are its ancestors, or parents of their own.
      const deepest = links.filter((l) => !links.some((o) => o !== l && relations.isAncestor(l.parent, o.parent)));
      if (!deepest.every((l) => reached.has(l.parent))) continue;
      const first = deepest[0]!;
      const candidates = reached.get(first.parent)!;
      // The first and the last parent record the walk reached.
      for (const parent of new Set([candidates[0]!, candidates.at(-1)!])) {
        const chosen: [ParentLink, Reached][] = [];
        const independent: ParentLink[] = [];
        for (const link of links) {
          if (link.parent === first.parent) chosen.push([link, parent]);
          else if (parent.above.has(link.parent))
            chosen.push([link, { record: parent.above.get(link.parent)!, walk: parent.walk, above: new Map() }]);
          else independent.push(link);
        }
        // A parent of its own beside the first (Gong coaching: a workspace and a manager): not every pair has children,
        // as with the service; the walk takes the first pair that has.
        const pairs =
          independent.length === 0
            ? [[]]
            : reached
                .get(independent[0]!.parent)!
                .slice(0, 40)
                .map((r) => [r]);
        const pair = pairs.find((others) => {
          const trial = [...chosen, ...others.map((r, i) => [independent[i]!, r] as [ParentLink, Reached])];
          const params: Row = otherRequired(w, action, new Set(links.map((l) => l.param)));
          for (const [link, p] of trial)
            params[link.param] = asParam(action.params.properties[link.param], p.record[link.parentFields[0]!]);
          const answer = w.run(action.entity, action.action, params);
          return answer.status === 200 && answer.body.result.length > 0;
        });
        // The first of each always pair up; a later parent's partner may sit past the first page the walk read.
        if (!pair && parent !== candidates[0]) continue;
        assert.ok(
          pair,
          `${name}: ${action.entity}.${action.action}: no ${independent.map((l) => l.param).join(', ')} with records`,
        );
        for (const [i, r] of pair!.entries()) chosen.push([independent[i]!, r]);
        listOnce(action, chosen, parent.walk);
      }
      done.add(action);
      progress = true;
    }
  }
  const unreached = actions.filter((a) => !done.has(a));
  const unreachedSteps = unreached.map(
    (a) =>
      `${a.entity}.${a.action} (needs ${needed(a)
        .map((l) => `${l.param} → ${l.parent}`)
        .join(', ')})`,
  );
  assert.deepEqual(unreachedSteps, [], `${name}: lists no walk reaches`);
  return { lists, gets };
}
