// Every entity and action of every agent connector, executed by the engine as its definition says: each list walked to
// its end with the connector's own paging (every record exactly once), get of a listed record and a clear 404 for an
// unknown one, writes visible on the next read, downloads, context-store search, and bad params refused naming
// `params.<name>`. Every answer is checked against the API's ExecuteResponse / ApiErrorResponse and every record
// against its definition's record schema.
import { describe, expect, it } from 'vitest';
import {
  connectorDefinition,
  connectorIndex,
  type ActionDefinition,
  type ConnectorDefinition,
  type JsonSchema,
} from '../../mocks/connectors/definitions.js';
import { buildDataset, entityRecordSchema, type Dataset } from '../../mocks/execute/dataset.js';
import { executeAction, type Outcome } from '../../mocks/execute/engine.js';
import { valueAt, type Row } from '../../mocks/execute/query.js';
import { validatorOf } from '../../mocks/execute/schemas.js';
import {
  narrows,
  replicationConfigOf,
  requiredParams as required,
  sampleValue,
  smallPage,
} from '../support/connector-samples.js';
import { SpecValidator, describeErrors } from '../../mocks/spec.js';

const spec = new SpecValidator('agent-engine');
const CONNECTOR_ID = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

/** The required params of an action, from a record. */
const requiredParams = (h: Harness, action: ActionDefinition, record: Row | undefined) =>
  required(h.definition, action, record, h.dataset);

interface Harness {
  definition: ConnectorDefinition;
  dataset: Dataset;
  run(entity: string, action: string, params?: Row, extra?: Row): Outcome & { body?: any };
}

function harness(name: string): Harness {
  const definition = connectorDefinition(name)!;
  const dataset = buildDataset(definition, 7);
  const replicationConfig = replicationConfigOf(definition);
  return {
    definition,
    dataset,
    run(entity, action, params = {}, extra = {}) {
      const outcome = executeAction(
        definition,
        dataset,
        { entity, action, params, ...extra },
        { connectorId: CONNECTOR_ID, replicationConfig, seed: 7, validateRecords: true },
      );
      if ('body' in outcome) {
        const check = spec.check(
          outcome.status === 200 ? '#/components/schemas/ExecuteResponse' : '#/components/schemas/ApiErrorResponse',
          outcome.body,
        );
        expect(check.valid, `${name} ${entity}.${action}: ${describeErrors(check.errors)}`).toBe(true);
      }
      return outcome as Outcome & { body?: any };
    },
  };
}

/** Walks a list to its end the way the definition's paging says a caller should; returns every record seen. */
function walk(h: Harness, action: ActionDefinition, first: Row): Row[] {
  const seen: Row[] = [];
  const paging = action.paging!;
  const cursors = new Set<string>();
  let params = { ...first };
  const entityKey = h.definition.entities.get(action.entity)!.key;
  for (let pages = 0; pages < 200; pages++) {
    const outcome = h.run(action.entity, action.action, params);
    expect(
      outcome.status,
      `${h.definition.name} ${action.entity}.${action.action} page ${pages + 1}: ${JSON.stringify(outcome.body).slice(0, 300)}`,
    ).toBe(200);
    const records: Row[] = outcome.body.result;
    const meta: Row = outcome.body.connector_metadata ?? {};
    expect(Object.keys(meta), 'every metadata key the definition names').toEqual(
      Object.keys(action.meta?.properties ?? {}),
    );
    if (action.meta) {
      const validate = validatorOf(action.meta);
      expect(
        validate(meta),
        `${h.definition.name} ${action.entity}.${action.action} connector_metadata: ${JSON.stringify(validate.errors)}`,
      ).toBe(true);
    }
    seen.push(...records);
    let next: unknown;
    const stopped = (paging.more && meta[paging.more] === false) || (paging.done && meta[paging.done] === true);
    switch (paging.style) {
      case 'cursor':
        next = stopped ? undefined : valueAt(meta, paging.next!);
        if (
          typeof next === 'string' &&
          /^\d+$/.test(next) &&
          [action.params.properties[paging.cursor!]?.type].flat().includes('integer')
        )
          next = Number(next);
        break;
      case 'link': {
        const value = valueAt(meta, paging.next!);
        // With `rel`, the next key holds link objects (PayPal): the next URL is the href of the one with that rel.
        const url = paging.rel && Array.isArray(value) ? value.find((l: Row) => l?.rel === paging.rel)?.href : value;
        next = typeof url === 'string' ? new URL(url).searchParams.get(paging.cursor!) : undefined;
        if (
          next !== undefined &&
          next !== null &&
          [action.params.properties[paging.cursor!]?.type].flat().includes('integer')
        )
          next = Number(next);
        break;
      }
      case 'last_id':
        next = stopped || records.length === 0 ? undefined : records.at(-1)![entityKey ?? 'id'];
        break;
      case 'offset':
        next = stopped || records.length === 0 ? undefined : Number(params[paging.cursor!] ?? 0) + records.length;
        break;
      case 'page': {
        const schema = action.params.properties[paging.cursor!] as JsonSchema;
        const start = schema.default ?? schema.minimum ?? 1;
        next = stopped || records.length === 0 ? undefined : Number(params[paging.cursor!] ?? start) + 1;
        break;
      }
      default:
        next = undefined;
    }
    if (next === undefined || next === null || next === '') return seen;
    const key = JSON.stringify(next);
    expect(cursors.has(key), `${h.definition.name} ${action.entity}: cursor ${key} repeated`).toBe(false);
    cursors.add(key);
    params = { ...params, [paging.cursor!]: next };
  }
  throw new Error(`${h.definition.name} ${action.entity}.${action.action}: more than 200 pages`);
}

const identity = (r: Row) => JSON.stringify(r);

describe.each(connectorIndex().map((c) => [c.name]))(
  '%s executes every entity and action of its definition',
  (name) => {
    it('lists walk to the end, every record once; gets find listed records; writes show; bad params are refused', () => {
      const h = harness(name);
      for (const entity of h.definition.entities.values()) {
        const records = h.dataset.get(entity.name)!;
        const sample = records[0];
        const getAction = entity.actions.get('get');
        for (const action of entity.actions.values()) {
          const where = `${name} ${entity.name}.${action.action}`;
          const params = requiredParams(h, action, sample);
          switch (action.action) {
            case 'list':
            case 'api_search': {
              const seen = walk(h, action, { ...params, ...smallPage(action) });
              if (entity.key)
                expect(new Set(seen.map((r) => r[entity.key!])).size, `${where}: no record twice`).toBe(seen.length);
              const narrowed = narrows(params, sample, h.definition, action);
              if (!narrowed && action.paging!.style !== 'none')
                expect(seen.length, `${where}: every record`).toBe(records.length);
              if (!narrowed && action.paging!.style === 'none' && !action.paging!.size)
                expect(seen.length, `${where}: one page of everything`).toBe(records.length);
              break;
            }
            case 'get': {
              const outcome = h.run(entity.name, 'get', params);
              expect(outcome.status, `${where}: ${JSON.stringify(outcome.body).slice(0, 200)}`).toBe(200);
              if (action.key) {
                expect(outcome.body.result[action.key.field], where).toEqual(sample![action.key.field]);
                const missing = h.run(entity.name, 'get', {
                  ...params,
                  [action.key.param]:
                    sampleValue(action.params.properties[action.key.param], 'nope') === sample![action.key.field]
                      ? 'other'
                      : sampleValue(action.params.properties[action.key.param], 'nope-000'),
                });
                if (missing.status !== 200) {
                  expect(missing.status, where).toBe(404);
                  expect(missing.body.errors[0].field).toBe(`params.${action.key.param}`);
                }
              }
              break;
            }
            case 'create': {
              const before = records.length;
              const outcome = h.run(entity.name, 'create', params);
              expect(outcome.status, `${where}: ${JSON.stringify(outcome.body).slice(0, 300)}`).toBe(200);
              expect(records.length, `${where}: stored`).toBe(before + 1);
              if (getAction?.key && entity.key) {
                // The new record's key: the answer's own, or (a write that answers an envelope) inside the envelope.
                const key = records.at(-1)![entity.key];
                if (outcome.body.result[entity.key] !== undefined)
                  expect(outcome.body.result[entity.key], where).toBe(key);
                else
                  expect(JSON.stringify(outcome.body.result), `${where}: the envelope names the record`).toContain(
                    JSON.stringify(key),
                  );
                const again = h.run(entity.name, 'get', {
                  ...requiredParams(h, getAction, records.at(-1)),
                  [getAction.key.param]: key,
                });
                expect(again.status, `${where}: the new record is found by get`).toBe(200);
              }
              break;
            }
            case 'update': {
              if (!sample) break;
              // A text field the update takes and the record has: changed, and the change shows on the next get.
              const schema = entityRecordSchema(entity)!;
              const key = getAction?.key;
              const field = Object.keys(action.params.properties).find(
                (p) =>
                  p !== key?.param &&
                  p !== key?.field &&
                  [action.params.properties[p].type].flat()[0] === 'string' &&
                  !action.params.properties[p].enum &&
                  !action.params.properties[p].format &&
                  [schema.properties?.[p]?.type].flat().includes('string') &&
                  !schema.properties[p].enum &&
                  !schema.properties[p].format,
              );
              const outcome = h.run(entity.name, 'update', {
                ...params,
                ...(field ? { [field]: 'Changed by the test' } : {}),
              });
              expect(outcome.status, `${where}: ${JSON.stringify(outcome.body).slice(0, 300)}`).toBe(200);
              if (field && key) {
                const again = h.run(entity.name, 'get', requiredParams(h, getAction!, sample));
                expect(again.body.result[field], `${where}: ${field} changed`).toBe('Changed by the test');
              }
              break;
            }
            case 'delete': {
              // The last record (a create's, where the entity has one): the others stay for the actions after.
              const victim = records.at(-1);
              if (!victim || !getAction?.key) break;
              const before = records.length;
              const outcome = h.run(entity.name, 'delete', requiredParams(h, action, victim));
              expect(outcome.status, `${where}: ${JSON.stringify(outcome.body).slice(0, 300)}`).toBe(200);
              expect(records.length, `${where}: removed`).toBe(before - 1);
              const gone = h.run(entity.name, 'get', requiredParams(h, getAction, victim));
              expect(gone.status, `${where}: gone`).toBe(404);
              break;
            }
            case 'download': {
              const outcome = h.run(entity.name, 'download', params);
              expect('download' in outcome ? outcome.download.body.byteLength : 0, `${where}: content`).toBeGreaterThan(
                0,
              );
              break;
            }
          }
          // Bad params: an unknown one, and (where the action has them) a missing required one and a wrong type.
          const unknown = h.run(entity.name, action.action, { ...params, not_a_param: 1 });
          expect(unknown.status, `${where}: unknown param`).toBe(422);
          expect(
            unknown.body.errors.map((e: Row) => e.field),
            where,
          ).toContain('params.not_a_param');
          const required = (action.params.required ?? []).filter(
            (p: string) =>
              !h.definition.scoping.some((s) => s.param === p) && action.params.properties[p].default === undefined,
          );
          if (required.length > 0) {
            const { [required[0]]: _left, ...rest } = params;
            const missing = h.run(entity.name, action.action, rest);
            expect(missing.status, `${where}: missing ${required[0]}`).toBe(422);
            expect(
              missing.body.errors.map((e: Row) => e.field),
              where,
            ).toContain(`params.${required[0]}`);
          }
          const integer = Object.entries<JsonSchema>(action.params.properties).find(([, s]) => s.type === 'integer');
          if (integer) {
            const wrong = h.run(entity.name, action.action, { ...params, [integer[0]]: 'twelve' });
            expect(wrong.status, `${where}: wrong type`).toBe(422);
            expect(
              wrong.body.errors.map((e: Row) => e.field),
              where,
            ).toContain(`params.${integer[0]}`);
          }
        }
        if (entity.contextStore && records.length > 0) {
          const field = Object.keys(entity.contextStore.fields).find(
            (f) => typeof records[0]![f] === 'string' || typeof records[0]![f] === 'number',
          );
          if (field) {
            const outcome = h.run(entity.name, 'context_store_search', {
              query: { filter: { eq: { [field]: records[0]![field] } } },
              limit: 5,
            });
            expect(outcome.status, `${name} ${entity.name}.context_store_search`).toBe(200);
            expect(outcome.body.result.data.length).toBeGreaterThan(0);
            expect(
              outcome.body.result.data.every(
                (r: Row) => String(r[field]).toLowerCase() === String(records[0]![field]).toLowerCase(),
              ),
            ).toBe(true);
            expect(outcome.body.result.meta).toMatchObject({
              has_more: expect.any(Boolean),
              took_ms: expect.any(Number),
            });
          }
        }
      }
    });
  },
);

describe('the engine, beyond the definitions', () => {
  it('answers an unknown entity or action with the allowed ones', () => {
    const h = harness('github');
    const entity = h.run('nope', 'list');
    expect(entity.status).toBe(422);
    expect(entity.body.errors[0].details.allowed).toContain('issues');
    const action = h.run('issues', 'explode');
    expect(action.status).toBe(422);
    expect(action.body.errors[0].details.allowed).toEqual([
      'list',
      'get',
      'api_search',
      'create',
      'update',
      'context_store_search',
    ]);
  });

  it('pages GitHub issues with per_page and after from end_cursor, and fills owner/repo from the configured repository', () => {
    const h = harness('github');
    const first = h.run('issues', 'list', { per_page: 10 });
    expect(first.status).toBe(200);
    expect(first.body.result).toHaveLength(10);
    expect(first.body.connector_metadata).toEqual({ has_next_page: true, end_cursor: expect.any(String) });
    const second = h.run('issues', 'list', { per_page: 10, after: first.body.connector_metadata.end_cursor });
    expect(second.body.result.map(identity)).not.toEqual(first.body.result.map(identity));
    const bad = h.run('issues', 'list', { per_page: 10, after: 'not-a-cursor' });
    expect([bad.status, bad.body.errors[0].field]).toEqual([400, 'params.after']);
    const tooMany = h.run('issues', 'list', { per_page: 101 });
    expect([tooMany.status, tooMany.body.errors[0].field]).toEqual([422, 'params.per_page']);
    const badState = h.run('issues', 'list', { states: ['MAYBE'] });
    expect([badState.status, badState.body.errors[0].field]).toEqual([422, 'params.states.0']);
  });

  it("applies a search's own filters: Salesforce SOQL WHERE, GitHub search qualifiers and words", () => {
    const sf = harness('salesforce');
    const name = sf.dataset.get('accounts')![0]!.Name;
    const where = sf.run('accounts', 'list', { q: `SELECT Id, Name FROM Account WHERE Name = '${name}'` });
    expect(where.status).toBe(200);
    expect(where.body.result.length).toBeGreaterThan(0);
    expect(where.body.result.every((r: Row) => r.Name === name)).toBe(true);
    const gh = harness('github');
    const issue = gh.dataset.get('issues')![0]!;
    const word = String(issue.title)
      .split(/\s+/)
      .find((w) => /^[A-Za-z]{4,}$/.test(w))!;
    const found = gh.run('issues', 'api_search', {
      query: `repo:airbytehq/airbyte state:${String(issue.state)} ${word}`,
    });
    expect(found.status).toBe(200);
    expect(found.body.result.length).toBeGreaterThan(0);
    for (const r of found.body.result) {
      expect(r.state).toBe(issue.state);
      expect(JSON.stringify(r).toLowerCase()).toContain(word.toLowerCase());
    }
  });

  it('keeps comments on issues that exist', () => {
    const h = harness('github');
    const issues = new Set(h.dataset.get('issues')!);
    for (const comment of h.dataset.get('comments')!)
      expect(issues.has(h.dataset.ancestorOf(comment, 'issues')!)).toBe(true);
    // A comment names no issue number of its own (GitHub's comments do not): its issue is kept beside it.
    expect(Object.hasOwn(h.dataset.get('comments')![0]!, 'number')).toBe(false);
  });

  it('creates and updates Linear issues, projects and comments with the params their definitions take', () => {
    const h = harness('linear');
    const team = h.run('teams', 'list').body.result[0];
    const created = h.run('issues', 'create', {
      teamId: team.id,
      title: 'Offline first',
      description: 'Made in the mock',
    });
    expect(created.status, JSON.stringify(created.body).slice(0, 300)).toBe(200);
    // Linear answers the mutation's payload: success and the issue.
    expect(created.body.result).toMatchObject({
      success: true,
      issue: { title: 'Offline first', description: 'Made in the mock' },
    });
    const id = created.body.result.issue.id;
    expect(h.run('issues', 'get', { id }).body.result.title).toBe('Offline first');
    const updated = h.run('issues', 'update', { id, title: 'Renamed' });
    expect(updated.body.result).toMatchObject({ success: true, issue: { id, title: 'Renamed' } });
    expect(h.run('issues', 'get', { id }).body.result.title).toBe('Renamed');
    const comment = h.run('comments', 'create', { issueId: id, body: 'First!' });
    expect(comment.body.result).toMatchObject({ success: true, comment: { body: 'First!' } });
    expect(h.run('comments', 'list', { issueId: id }).body.result.map((c: Row) => c.body)).toEqual(['First!']);
    const project = h.run('projects', 'create', { name: 'Roadmap', teamIds: [team.id] });
    expect(project.body.result).toMatchObject({ success: true, project: { name: 'Roadmap' } });
    // What the definitions require is required; a team the mock never had is not found.
    const missing = h.run('issues', 'create', { title: 'No team' });
    expect([missing.status, missing.body.errors[0].field]).toEqual([422, 'params.teamId']);
    const unknownTeam = h.run('issues', 'create', { teamId: 'no-such-team', title: 'Lost' });
    expect([unknownTeam.status, unknownTeam.body.errors[0].field]).toEqual([404, 'params.teamId']);
  });

  it("lists Zendesk Support's audits of every ticket, or of one ticket (the two variants of one action)", () => {
    const h = harness('zendesk-support');
    const audits = h.dataset.get('ticket_audits')!;
    const all = h.run('ticket_audits', 'list', { per_page: 100 });
    expect(all.status).toBe(200);
    expect(all.body.result).toHaveLength(Math.min(100, audits.length));
    const ticket = h.run('tickets', 'list').body.result[0];
    const one = h.run('ticket_audits', 'list', { ticket_id: ticket.id });
    expect(one.body.result.length).toBeGreaterThan(0);
    expect(one.body.result.length).toBeLessThan(audits.length);
    for (const audit of one.body.result) expect(audit.ticket_id).toBe(ticket.id);
    const unknown = h.run('ticket_audits', 'list', { ticket_id: 1 });
    expect([unknown.status, unknown.body.errors[0].field]).toEqual([404, 'params.ticket_id']);
  });

  it('refuses parents named together that do not agree, as the service does: a campaign of another ad account', () => {
    const h = harness('facebook-marketing');
    const [mine, theirs] = h.run('ad_accounts', 'list').body.result;
    const theirCampaign = h.run('campaigns', 'list', { account_id: theirs.account_id }).body.result[0];
    const create = h.definition.entities.get('ad_sets')!.actions.get('create')!;
    const created = h.run('ad_sets', 'create', {
      ...requiredParams(h, create, undefined),
      account_id: mine.account_id,
      campaign_id: theirCampaign.id,
    });
    expect(created.status).toBe(404);
    expect(created.body.errors[0].field).toBe('params.campaign_id');
  });

  it('finds a record by either field a param takes (a Jira issue by its key as by its id)', () => {
    const h = harness('jira');
    const issue = h.dataset.get('issues')![0]!;
    for (const issueIdOrKey of [String(issue.id), String(issue.key)])
      expect(h.run('issues', 'get', { issueIdOrKey }).body.result.id).toBe(issue.id);
  });

  it("answers a write's envelope as success, with the record's key where the envelope keeps it (Zoho CRM)", () => {
    const h = harness('zoho-crm');
    for (let n = 0; n < 20; n++) {
      const created = h.run('leads', 'create', { data: [{ Last_Name: `Lead ${n}` }] });
      expect(created.status).toBe(200);
      const [item] = created.body.result.data;
      expect(item).toMatchObject({
        code: 'SUCCESS',
        status: 'success',
        details: { id: h.dataset.get('leads')!.at(-1)!.id },
      });
    }
  });

  it("keeps a Slack reply's own ts: a thread's parent is named by the param, not by overwriting the reply's key", () => {
    const h = harness('slack');
    const channel = h.run('channels', 'list').body.result[0];
    const message = h.run('channel_messages', 'list', { channel: channel.id }).body.result[0];
    const replies = h.run('threads', 'list', { channel: channel.id, ts: message.ts }).body.result;
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) expect(reply.ts).not.toBe(message.ts);
  });

  it('is deterministic for a seed', () => {
    const a = buildDataset(connectorDefinition('stripe')!, 3).buildAll();
    const b = buildDataset(connectorDefinition('stripe')!, 3).buildAll();
    expect(JSON.stringify([...a])).toBe(JSON.stringify([...b]));
  });

  it('refuses hostile field paths and filters without harm', () => {
    const h = harness('github');
    const proto = h.run('issues', 'list', {}, { select_fields: ['__proto__.polluted'] });
    expect(proto.status).toBe(400);
    expect(({} as Row).polluted).toBeUndefined();
    const param = h.run('issues', 'list', JSON.parse('{"__proto__": {"polluted": 1}}'));
    expect(param.status).toBe(422);
    expect(({} as Row).polluted).toBeUndefined();
    const started = performance.now();
    const slow = h.run('issues', 'context_store_search', {
      query: { filter: { like: { title: `${'%a'.repeat(2000)}b` } } },
    });
    expect(slow.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
