// executePages and executeRecords page an execute list as the connector's definition says (the generated table of
// openapi/connectors): every style against a fake service written in that service's own terms, the definition id
// learnt once per connector, a total limit, a repeated cursor refused, and one page for what the kit does not know.
import { describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  AgentEngineError,
  NotFoundError,
  ServerError,
  createAgentEngineClient,
  type AgentEngineClientOptions,
  type ExecutePagesOptions,
  type PagingRule,
  type PagingStyle,
} from '../../src/index.js';
import { CLIENT_ID, CLIENT_SECRET, fakeApi, json, scopedToken, type RecordedRequest } from '../support/fake-api.js';

const BASE = 'https://api.example.test';
const CONNECTOR = 'c8d9e0f1-2a3b-4c5d-8e6f-7a8b9c0d1e2f';
const CONNECTOR_PATH = `/api/v1/integrations/connectors/${CONNECTOR}`;
const DEFINITION = {
  asana: 'd0243522-dccf-4978-8ba0-37ed47a0bdbf',
  clickup: '311a7a27-3fb5-4f7e-8265-5e4afe258b66',
  freshdesk: 'ec4b9503-13cb-48ab-a4ab-6ade4be46567',
  github: 'ef69ef6e-aa7f-4af1-a01d-ef775033524e',
  klaviyo: '95e8cffd-b8c4-4039-968e-d32fb4a69bde',
  linkedinAds: '137ece28-5434-455c-8f34-69dc3782f451',
  mailchimp: 'b03a9f3e-22a5-11eb-adc1-0242ac120002',
  paypal: 'd913b0f2-cc51-4e55-a44c-8ba1697b9239',
  salesforce: 'b117307c-14b6-41aa-9422-947e34922962',
  stripe: 'e094cb9a-26de-4645-8761-65c0c425d1de',
  typeform: 'e7eff203-90bf-43e5-a240-19ea3056c474',
  zohoCrm: '4942d392-c7b5-4271-91f9-3b4f4e51eb3e',
  unknown: '00000000-0000-4000-8000-00000000beef',
};

type Params = Record<string, any>;
type Row = { id: string; n: number };
type Page = { result: unknown; meta: unknown };

const rows = (count: number): Row[] => Array.from({ length: count }, (_, i) => ({ id: `rec_${i + 1}`, n: i + 1 }));

const connectorResponse = (definitionId: string) => ({
  id: CONNECTOR,
  name: 'the connector',
  replication_config: {},
  source_template: {
    id: '5d1e7f3a-2b9c-4e6d-8a0f-1c3b5d7e9f21',
    name: 'Template',
    source_definition_id: definitionId,
    user_config_spec: {},
    partial_default_config: {},
  },
});

/**
 * A fake API holding one connector of `definitionId` whose execute answers `answer(params)`, the service's own paging;
 * scoped tokens are minted for any workspace.
 */
function connectorApi(definitionId: string, answer: (params: Params, request: RecordedRequest) => Page | Response) {
  const api = fakeApi((request) => {
    if (request.path === '/api/v1/account/applications/scoped-token')
      return json(scopedToken(request.body.workspace_name));
    if (request.method === 'GET' && request.path === CONNECTOR_PATH) return json(connectorResponse(definitionId));
    if (request.path === `${CONNECTOR_PATH}/execute`) {
      const answered = answer(request.body.params ?? {}, request);
      if (answered instanceof Response) return answered;
      return json({
        status: 'success',
        result: answered.result,
        connector_metadata: answered.meta,
        execution_metadata: { connector_instance_id: CONNECTOR, execution_time_ms: 3 },
      });
    }
    return json({ message: `no ${request.method} ${request.path}`, errors: [] }, 404);
  });
  return {
    ...api,
    executes: () => api.apiRequests().filter((r) => r.path.endsWith('/execute')),
    sentParams: () =>
      api
        .apiRequests()
        .filter((r) => r.path.endsWith('/execute'))
        .map((r) => r.body.params),
    lookups: () => api.apiRequests().filter((r) => r.method === 'GET' && r.path === CONNECTOR_PATH),
  };
}

const clientOf = (api: { fetch: typeof fetch }, options: AgentEngineClientOptions = {}) =>
  createAgentEngineClient({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    baseUrl: BASE,
    fetch: api.fetch,
    ...options,
  });

/** Each page's records (by `n`), paging `entity`'s `action` of the fake connector. */
async function pageSizes(
  api: { fetch: typeof fetch },
  entity: string,
  params: Params = {},
  options: ExecutePagesOptions = {},
  action = 'list',
) {
  const pages: number[][] = [];
  for await (const page of clientOf(api).connectors.executePages(CONNECTOR, { entity, action, params }, options))
    pages.push((page.result as Row[]).map((r) => r.n));
  return pages;
}

/** GitHub: `after` <- `end_cursor`, with `has_next_page` false on the last page (whose end_cursor is still set). */
const github =
  (all: Row[]) =>
  (params: Params): Page => {
    const size = params.per_page ?? 30;
    const start = params.after ? Number(String(params.after).slice(1)) : 0;
    const result = all.slice(start, start + size);
    return { result, meta: { has_next_page: start + size < all.length, end_cursor: `c${start + result.length}` } };
  };

describe('executePages pages by the connector definition', () => {
  it('cursor (GitHub issues): sends end_cursor back as `after`, not `cursor`, and stops on has_next_page false', async () => {
    const api = connectorApi(DEFINITION.github, github(rows(7)));
    expect(await pageSizes(api, 'issues', { per_page: 3 })).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(api.sentParams()).toEqual([{ per_page: 3 }, { per_page: 3, after: 'c3' }, { per_page: 3, after: 'c6' }]);
  });

  it('cursor with a dotted next (Asana tasks): next_page.offset goes back as `offset`; null next_page ends it', async () => {
    const all = rows(45);
    const api = connectorApi(DEFINITION.asana, (params) => {
      const size = params.limit ?? 20;
      const start = params.offset ? Number(atob(params.offset)) : 0;
      const end = start + size;
      return {
        result: all.slice(start, end),
        meta: {
          next_page:
            end < all.length
              ? { offset: btoa(String(end)), path: '/tasks', uri: 'https://app.asana.com/api/1.0/tasks' }
              : null,
        },
      };
    });
    expect((await pageSizes(api, 'tasks')).map((p) => p.length)).toEqual([20, 20, 5]);
    expect(api.sentParams().map((p) => p.offset)).toEqual([undefined, btoa('20'), btoa('40')]);
  });

  it('cursor into an integer param (LinkedIn Ads account users): a nextPageToken of digits goes back as the number `start`', async () => {
    const all = rows(9);
    const api = connectorApi(DEFINITION.linkedinAds, (params) => {
      const start = params.start ?? 0;
      const end = start + (params.count ?? 4);
      return { result: all.slice(start, end), meta: { nextPageToken: end < all.length ? String(end) : null } };
    });
    expect((await pageSizes(api, 'account_users', { count: 4 })).map((p) => p.length)).toEqual([4, 4, 1]);
    expect(api.sentParams().map((p) => p.start)).toEqual([undefined, 4, 8]);
  });

  it("link with an integer page (Freshdesk tickets): the next URL's `page`, sent as a number, until next is null", async () => {
    const all = rows(5);
    const api = connectorApi(DEFINITION.freshdesk, (params) => {
      const page = params.page ?? 1;
      const size = params.per_page ?? 100;
      const more = page * size < all.length;
      return {
        result: all.slice((page - 1) * size, page * size),
        meta: { next: more ? `https://acme.freshdesk.com/api/v2/tickets?per_page=${size}&page=${page + 1}` : null },
      };
    });
    expect(await pageSizes(api, 'tickets', { per_page: 2 })).toEqual([[1, 2], [3, 4], [5]]);
    expect(api.sentParams()).toEqual([{ per_page: 2 }, { per_page: 2, page: 2 }, { per_page: 2, page: 3 }]);
  });

  it('link: a next URL without the position stops with an error that names the param', async () => {
    const api = connectorApi(DEFINITION.freshdesk, () => ({
      result: rows(1),
      meta: { next: 'https://acme.freshdesk.com/api/v2/tickets?per_page=1' },
    }));
    await expect(pageSizes(api, 'tickets')).rejects.toThrow(/carries no integer `page`/);
  });

  it('link with a string cursor (Klaviyo profiles): `page[cursor]` read from the encoded URL', async () => {
    const all = rows(3);
    const api = connectorApi(DEFINITION.klaviyo, (params) => {
      const start = params['page[cursor]'] ? Number(atob(params['page[cursor]'])) : 0;
      const end = start + 2;
      return {
        result: all.slice(start, end),
        meta: {
          next:
            end < all.length
              ? `https://a.klaviyo.com/api/profiles?page%5Bcursor%5D=${encodeURIComponent(btoa(String(end)))}`
              : null,
        },
      };
    });
    expect(await pageSizes(api, 'profiles')).toEqual([[1, 2], [3]]);
    expect(api.sentParams()[1]).toEqual({ 'page[cursor]': btoa('2') });
  });

  it("link with rel (PayPal disputes): the token in the rel=next link's href, not self's or prev's; no next ends it", async () => {
    const all = rows(5);
    const href = (token: string) =>
      `https://api-m.paypal.com/v1/customer/disputes?page_size=2${token ? `&next_page_token=${token}` : ''}`;
    const api = connectorApi(DEFINITION.paypal, (params) => {
      const start = params.next_page_token ? Number(params.next_page_token.slice(1)) : 0;
      const end = start + 2;
      const links = [{ href: href(`t${start}`), rel: 'self', method: 'GET' }];
      if (start > 0) links.push({ href: href(`t${start - 2}`), rel: 'prev', method: 'GET' });
      if (end < all.length) links.push({ href: href(`t${end}`), rel: 'next', method: 'GET' });
      return { result: all.slice(start, end), meta: { next: links } };
    });
    expect(await pageSizes(api, 'list_disputes', { page_size: 2 })).toEqual([[1, 2], [3, 4], [5]]);
    expect(api.sentParams().map((p) => p.next_page_token)).toEqual([undefined, 't2', 't4']);
  });

  it('link with rel: a rel=next href without the position stops with an error that names it', async () => {
    const api = connectorApi(DEFINITION.paypal, () => ({
      result: rows(1),
      meta: { next: [{ href: 'https://api-m.paypal.com/v1/customer/disputes?page_size=1', rel: 'next' }] },
    }));
    await expect(pageSizes(api, 'list_disputes')).rejects.toThrow(/rel=next link .* carries no `next_page_token`/);
  });

  it("last_id with a more key (Stripe customers): `starting_after` is the last record's id while has_more", async () => {
    const all = rows(5);
    const api = connectorApi(DEFINITION.stripe, (params) => {
      const start = params.starting_after ? all.findIndex((r) => r.id === params.starting_after) + 1 : 0;
      const size = params.limit ?? 10;
      return { result: all.slice(start, start + size), meta: { has_more: start + size < all.length } };
    });
    expect(await pageSizes(api, 'customers', { limit: 2 })).toEqual([[1, 2], [3, 4], [5]]);
    expect(api.sentParams().map((p) => p.starting_after)).toEqual([undefined, 'rec_2', 'rec_4']);
  });

  it('last_id without a more key (Typeform responses): goes on while the page is full', async () => {
    const all = rows(8);
    const api = connectorApi(DEFINITION.typeform, (params) => {
      const start = params.after ? all.findIndex((r) => r.id === params.after) + 1 : 0;
      return { result: all.slice(start, start + (params.page_size ?? 25)), meta: { total_items: all.length } };
    });
    expect(await pageSizes(api, 'responses', { form_id: 'f', page_size: 4 })).toEqual([[1, 2, 3, 4], [5, 6, 7, 8], []]);
    expect(
      await pageSizes(
        connectorApi(DEFINITION.typeform, () => ({ result: rows(3), meta: {} })),
        'responses',
        { form_id: 'f' },
      ),
    ).toEqual([[1, 2, 3]]);
  });

  it('last_id: a last record without its key stops with an error that says why', async () => {
    const api = connectorApi(DEFINITION.stripe, () => ({ result: [{ n: 1 }], meta: { has_more: true } }));
    await expect(pageSizes(api, 'customers', {}, {})).rejects.toThrow(/no `id` to page on.*select_fields/);
  });

  it('offset (Mailchimp campaigns): previous offset + records, until a page shorter than `count` (default 10)', async () => {
    const serve = (all: Row[]) => (params: Params) => ({
      result: all.slice(params.offset ?? 0, (params.offset ?? 0) + (params.count ?? 10)),
      meta: { total_items: 999 },
    });
    const api = connectorApi(DEFINITION.mailchimp, serve(rows(23)));
    expect((await pageSizes(api, 'campaigns')).map((p) => p.length)).toEqual([10, 10, 3]);
    expect(api.sentParams().map((p) => p.offset)).toEqual([undefined, 10, 20]);
    expect(
      (await pageSizes(connectorApi(DEFINITION.mailchimp, serve(rows(20))), 'campaigns')).map((p) => p.length),
    ).toEqual([10, 10, 0]);
  });

  it('offset with a total (LinkedIn Ads conversions): stops once `total` records are seen, from any start', async () => {
    const all = rows(6);
    const api = connectorApi(DEFINITION.linkedinAds, (params) => ({
      result: all.slice(params.start ?? 0, (params.start ?? 0) + params.count),
      meta: { total: all.length },
    }));
    expect(await pageSizes(api, 'conversions', { count: 3 })).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(await pageSizes(api, 'conversions', { count: 3, start: 3 })).toEqual([[4, 5, 6]]);
    expect(api.executes()).toHaveLength(3);
  });

  it('page from 0 (ClickUp tasks): page 1, 2, ... after the default first page, until last_page', async () => {
    const all = rows(5);
    const api = connectorApi(DEFINITION.clickup, (params) => {
      const page = params.page ?? 0;
      return { result: all.slice(page * 2, page * 2 + 2), meta: { last_page: page * 2 + 2 >= all.length } };
    });
    expect(await pageSizes(api, 'tasks', { list_id: 'l' })).toEqual([[1, 2], [3, 4], [5]]);
    expect(api.sentParams().map((p) => p.page)).toEqual([undefined, 1, 2]);
  });

  it('page from 1 (Zoho CRM leads): page 2, 3, ... until more_records is false', async () => {
    const all = rows(5);
    const api = connectorApi(DEFINITION.zohoCrm, (params) => {
      const page = params.page ?? 1;
      return {
        result: all.slice((page - 1) * params.per_page, page * params.per_page),
        meta: { more_records: page * params.per_page < all.length },
      };
    });
    expect(await pageSizes(api, 'leads', { per_page: 2 })).toEqual([[1, 2], [3, 4], [5]]);
    expect(api.sentParams().map((p) => p.page)).toEqual([undefined, 2, 3]);
  });

  it('page with a total (Typeform forms): no request past `total_items`', async () => {
    const all = rows(4);
    const api = connectorApi(DEFINITION.typeform, (params) => {
      const page = params.page ?? 1;
      return {
        result: all.slice((page - 1) * params.page_size, page * params.page_size),
        meta: { total_items: all.length },
      };
    });
    expect(await pageSizes(api, 'forms', { page_size: 2 })).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(api.executes()).toHaveLength(2);
  });

  it('none (Salesforce accounts): one page, whatever its metadata says', async () => {
    const api = connectorApi(DEFINITION.salesforce, () => ({
      result: rows(2),
      meta: { done: false, nextRecordsUrl: '/services/data/v59.0/query/01g-2000' },
    }));
    expect(await pageSizes(api, 'accounts')).toEqual([[1, 2]]);
  });
});

describe('executePages: stopping', () => {
  it('a repeated cursor stops with an AgentEngineError naming the param, not a loop', async () => {
    const api = connectorApi(DEFINITION.github, () => ({
      result: rows(1),
      meta: { has_next_page: true, end_cursor: 'same' },
    }));
    const error = await pageSizes(api, 'issues').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgentEngineError);
    expect((error as Error).message).toMatch(/the same `after` again/);
    expect(api.executes()).toHaveLength(2);
    // The caller's own cursor counts: answered back at once, it is refused after one request.
    const again = connectorApi(DEFINITION.github, () => ({
      result: rows(1),
      meta: { has_next_page: true, end_cursor: 'same' },
    }));
    await expect(pageSizes(again, 'issues', { after: 'same' })).rejects.toBeInstanceOf(AgentEngineError);
    expect(again.executes()).toHaveLength(1);
  });

  it('limit: records in all, the last page cut to fit, no page asked for past it', async () => {
    const api = connectorApi(DEFINITION.github, github(rows(7)));
    expect(await pageSizes(api, 'issues', { per_page: 3 }, { limit: 5 })).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(api.executes()).toHaveLength(2);
    const exact = connectorApi(DEFINITION.github, github(rows(7)));
    expect(await pageSizes(exact, 'issues', { per_page: 3 }, { limit: 3 })).toEqual([[1, 2, 3]]);
    expect(exact.executes()).toHaveLength(1);
    expect(await pageSizes(exact, 'issues', {}, { limit: 0 })).toEqual([]);
    expect(exact.executes()).toHaveLength(1);
  });

  it('maxPages still caps the pages', async () => {
    const api = connectorApi(DEFINITION.github, github(rows(7)));
    expect(await pageSizes(api, 'issues', { per_page: 2 }, { maxPages: 2 })).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('call options go to every request: maxRetries to the definition lookup, the signal to each page', async () => {
    let lookups = 0;
    const failing = fakeApi((request) => {
      if (request.method === 'GET') {
        lookups += 1;
        return json({ message: 'unavailable', errors: [] }, 503, { 'retry-after': '0' });
      }
      return json({
        status: 'success',
        result: rows(1),
        connector_metadata: { has_next_page: true, end_cursor: 'c1' },
        execution_metadata: { connector_instance_id: CONNECTOR, execution_time_ms: 1 },
      });
    });
    await expect(pageSizes(failing, 'issues', {}, { maxRetries: 0 })).rejects.toBeInstanceOf(ServerError);
    expect(lookups).toBe(1);

    const api = connectorApi(DEFINITION.github, github(rows(7)));
    const controller = new AbortController();
    const seen: number[] = [];
    const run = async () => {
      for await (const page of clientOf(api).connectors.executePages(
        CONNECTOR,
        { entity: 'issues', action: 'list', params: { per_page: 2 } },
        { signal: controller.signal },
      )) {
        seen.push(...(page.result as Row[]).map((r) => r.n));
        controller.abort();
      }
    };
    await expect(run()).rejects.toBeInstanceOf(AbortError);
    expect(seen).toEqual([1, 2]);
  });
});

describe('executePages: which definition', () => {
  it('learns the definition id from GET /connectors/{id} once per connector, for the client and its workspace clients', async () => {
    const api = connectorApi(DEFINITION.github, github(rows(3)));
    const client = clientOf(api);
    const body = { entity: 'issues', action: 'list', params: { per_page: 2 } };
    for (const c of [client, client, client.forWorkspace('acme')]) {
      let records = 0;
      for await (const page of c.connectors.executePages(CONNECTOR, body)) records += (page.result as Row[]).length;
      expect(records).toBe(3);
    }
    expect(api.lookups()).toHaveLength(1);
  });

  it('a failed lookup is not kept: the next run asks again', async () => {
    let fail = true;
    const api = connectorApi(DEFINITION.github, github(rows(3)));
    const flaky = {
      fetch: (async (input: Request) =>
        fail && input.method === 'GET' && new URL(input.url).pathname === CONNECTOR_PATH
          ? json({ message: 'no such connector', errors: [] }, 404)
          : api.fetch(input)) as typeof fetch,
    };
    const client = clientOf(flaky);
    const body = { entity: 'issues', action: 'list', params: { per_page: 2 } };
    const first = async () => {
      for await (const _page of client.connectors.executePages(CONNECTOR, body)) {
        // consume
      }
    };
    await expect(first()).rejects.toBeInstanceOf(NotFoundError);
    fail = false;
    const records = [];
    for await (const record of client.connectors.executeRecords(CONNECTOR, body)) records.push(record);
    expect(records).toHaveLength(3);
  });

  it("a lookup shared by concurrent runs: one run's abort does not fail the other", async () => {
    let releaseLookup!: () => void;
    const held = new Promise<void>((resolve) => (releaseLookup = resolve));
    const api = connectorApi(DEFINITION.github, github(rows(4)));
    const slow = {
      fetch: (async (input: Request) => {
        if (input.method === 'GET' && new URL(input.url).pathname === CONNECTOR_PATH) {
          await Promise.race([
            held,
            new Promise((_, reject) =>
              input.signal.addEventListener('abort', () => reject(input.signal.reason), { once: true }),
            ),
          ]);
        }
        return api.fetch(input);
      }) as typeof fetch,
    };
    const client = clientOf(slow);
    const body = { entity: 'issues', action: 'list', params: { per_page: 2 } };
    const controller = new AbortController();
    const collect = async (options: ExecutePagesOptions) => {
      const ids: number[] = [];
      for await (const issue of client.connectors.executeRecords<Row>(CONNECTOR, body, options)) ids.push(issue.n);
      return ids;
    };
    const aborted = collect({ signal: controller.signal });
    const other = collect({});
    await vi.waitFor(() => expect(api.executes()).toHaveLength(2)); // both first pages in, the lookup still held
    controller.abort();
    await expect(aborted).rejects.toBeInstanceOf(AbortError);
    releaseLookup();
    expect(await other).toEqual([1, 2, 3, 4]);
  });

  it('options.connector names it (by name or definition id) and skips the lookup', async () => {
    const api = connectorApi(DEFINITION.github, github(rows(5)));
    expect((await pageSizes(api, 'issues', { per_page: 2 }, { connector: 'github' })).flat()).toEqual([1, 2, 3, 4, 5]);
    expect(
      (await pageSizes(api, 'issues', { per_page: 2 }, { connector: DEFINITION.github.toUpperCase() })).flat(),
    ).toEqual([1, 2, 3, 4, 5]);
    expect(api.lookups()).toHaveLength(0);
  });

  it('a connector, entity or action the kit does not know gives one page, and says so to the logger', async () => {
    const warn = vi.fn();
    const more = () => ({
      result: rows(2),
      meta: { has_next_page: true, end_cursor: 'c2', next_cursor: 'c2', has_more: true },
    });
    const cases: [string, string, string][] = [
      [DEFINITION.unknown, 'issues', 'list'],
      [DEFINITION.github, 'wikis', 'list'],
      [DEFINITION.github, 'issues', 'search'],
      [DEFINITION.github, '__proto__', 'constructor'],
    ];
    for (const [definition, entity, action] of cases) {
      const api = connectorApi(definition, more);
      const pages = [];
      for await (const page of clientOf(api, { logger: { warn } }).connectors.executePages(CONNECTOR, {
        entity,
        action,
      }))
        pages.push(page);
      expect(pages, `${definition} ${entity}.${action}`).toHaveLength(1);
    }
    expect(warn).toHaveBeenCalledTimes(cases.length);
    expect(warn.mock.calls[0]![0]).toMatch(/no paging rule for issues\.list .*one page only/);
  });

  it("paging: a rule of the table's shape pages an action outside the definitions (a search), with no lookup", async () => {
    const all = rows(5);
    const api = connectorApi(DEFINITION.github, (params) => {
      const start = params.cursor ? Number(params.cursor) : 0;
      return {
        result: all.slice(start, start + 2),
        meta: { next_cursor: start + 2 < all.length ? String(start + 2) : null },
      };
    });
    const rule: PagingRule = { style: 'cursor', cursor: 'cursor', next: 'next_cursor' };
    expect(await pageSizes(api, 'issues', { query: {} }, { paging: rule }, 'search')).toEqual([[1, 2], [3, 4], [5]]);
    expect(api.lookups()).toHaveLength(0);
  });

  it('paging: a function of each answer still pages a connector its own way', async () => {
    const api = connectorApi(DEFINITION.unknown, (params) => {
      const page = params.page_token ? Number(params.page_token.slice(1)) : 0;
      return { result: rows(2), meta: { nextPageToken: page < 1 ? `t${page + 1}` : undefined } };
    });
    const custom: PagingStyle = {
      name: 'custom',
      next: (m) => (m.nextPageToken ? { page_token: m.nextPageToken } : undefined),
    };
    expect(await pageSizes(api, 'tickets', {}, { paging: custom })).toHaveLength(2);
    expect(api.lookups()).toHaveLength(0);
  });
});

describe('executeRecords', () => {
  it('yields each record once, across pages, up to a limit', async () => {
    const api = connectorApi(DEFINITION.stripe, (params) => {
      const all = rows(7);
      const start = params.starting_after ? all.findIndex((r) => r.id === params.starting_after) + 1 : 0;
      return { result: all.slice(start, start + params.limit), meta: { has_more: start + params.limit < all.length } };
    });
    const client = clientOf(api);
    const body = { entity: 'customers', action: 'list', params: { limit: 3 } };
    const ids: string[] = [];
    for await (const customer of client.connectors.executeRecords<Row>(CONNECTOR, body)) ids.push(customer.id);
    expect(ids).toEqual(rows(7).map((r) => r.id));
    const some: Row[] = [];
    for await (const customer of client.connectors.executeRecords<Row>(CONNECTOR, body, { limit: 4 }))
      some.push(customer);
    expect(some.map((r) => r.n)).toEqual([1, 2, 3, 4]);
    expect(api.executes()).toHaveLength(3 + 2);
  });
});
