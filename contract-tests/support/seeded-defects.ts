// The eight defects `verify --fuzz [--stateful]` must find (issue 21), each seeded into the in-process mock: what is
// wrong, the named check and the operation it must fail, whether single requests find it (`fuzz`) or only sequences do
// (`statefulRun`), and the fetch that has it. The contract tests (verify-fuzz, verify-stateful) assert that each is
// found and shrunk; bench/defects.ts times finding and shrinking each.
import { createMockFetch, type MockFetch } from '../../mocks/fetch.js';
import type { MockOptions } from '../../mocks/service/config.js';
import type { CheckName } from '../../src/verify/checks.js';

export type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export interface SeededDefect {
  /** What is wrong, in a few words. */
  name: string;
  /** The named check it must fail. */
  check: CheckName;
  /** Where: the operationId, or an execute's label (`execute github issues list`). */
  operation: string;
  /** Found by single requests (`fuzz`) or only along sequences (`statefulRun`). */
  kind: 'stateless' | 'stateful';
  /** What the mock needs besides seed 4 to give the defective answer at all (an answer its own checks would refuse). */
  mockOptions?: MockOptions;
  /**
   * The defect put into `mock` (a fresh one from {@link defectMock} by default): the fetch that has it. An override is
   * put into the mock itself (its `fetch` has it then, too); a wrapping fetch is new and the mock's stays correct.
   */
  inject(mock?: MockFetch): Fetch;
}

/** A fresh mock, seed 4, as the defect needs it. */
export const defectMock = (defect: Pick<SeededDefect, 'mockOptions'>): MockFetch =>
  createMockFetch({ seed: 4, ...defect.mockOptions });

/** A fetch that answers the requests `matches` picks with `answer`, and passes the rest to `fetch`. */
function answering(fetch: Fetch, matches: (request: Request) => boolean, answer: () => Response): Fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    return matches(request) ? answer() : fetch(request);
  };
}

const defect = (entry: Omit<SeededDefect, 'inject'> & { inject: (mock: MockFetch) => Fetch }): SeededDefect => ({
  ...entry,
  inject: (mock = defectMock(entry)) => entry.inject(mock),
});

export const SEEDED_DEFECTS = {
  /** (1) A deleted connector's stored copy still answers GET (it is gone from the list, as it should be). */
  useAfterFree: defect({
    name: 'a connector that still answers after its DELETE',
    check: 'use_after_free',
    operation: 'get_integrations_connectors_id',
    kind: 'stateful',
    inject: ({ fetch }) => {
      const copies = new Map<string, unknown>();
      return async (input, init) => {
        const request = new Request(input, init);
        const response = await fetch(request.clone());
        const id = /\/integrations\/connectors\/([0-9a-f-]{36})$/.exec(new URL(request.url).pathname)?.[1];
        if (request.method === 'POST' && request.url.endsWith('/integrations/connectors') && response.ok) {
          const body = (await response.clone().json()) as { id: string };
          copies.set(body.id, body);
        }
        if (id && request.method === 'GET' && response.status === 404 && copies.has(id))
          return Response.json(copies.get(id));
        return response;
      };
    },
  }),
  /** (2) The workspace stats answer any Authorization header, a made-up token too (no header is still refused). */
  ignoredAuth: defect({
    name: 'a route that ignores auth',
    check: 'ignored_auth',
    operation: 'get_workspaces_stats',
    kind: 'stateless',
    inject: ({ fetch }) =>
      answering(
        fetch,
        (request) =>
          request.url.endsWith('/api/v1/workspaces/stats') &&
          request.headers.get('authorization') !== null &&
          !/^Bearer ey/.test(request.headers.get('authorization')!),
        () => Response.json({ active_count: 1, inactive_count: 0, total_count: 1 }),
      ),
  }),
  /** (3) Listing workspaces with `limit=100`, the largest the spec allows, answers 500. */
  serverErrorOnBoundary: defect({
    name: 'a 500 on a boundary value',
    check: 'not_a_server_error',
    operation: 'list_workspaces',
    kind: 'stateless',
    inject: (mock) => {
      mock.service.override({
        'agent-engine': {
          list_workspaces: ({ query }) =>
            (query as { limit?: number }).limit === 100
              ? { status: 500, body: { message: 'boom', errors: [] } }
              : { status: 200, body: { next: null, data: [] } },
        },
      });
      return mock.fetch;
    },
  }),
  /** (4) The workspace stats answer `total_count` as a string. */
  wrongTypedField: defect({
    name: 'a wrong-typed response field',
    check: 'response_schema_conformance',
    operation: 'get_workspaces_stats',
    kind: 'stateless',
    mockOptions: { validateResponses: false },
    inject: (mock) => {
      mock.service.override({
        'agent-engine': {
          get_workspaces_stats: () => ({
            status: 200,
            body: { active_count: 1, inactive_count: 0, total_count: '1' } as never,
          }),
        },
      });
      return mock.fetch;
    },
  }),
  /** (5) Listing skills answers 418, a status the spec does not document. */
  undocumentedStatus: defect({
    name: 'an undocumented status',
    check: 'status_code_conformance',
    operation: 'list_skills',
    kind: 'stateless',
    mockOptions: { validateResponses: false },
    inject: (mock) => {
      mock.service.override({
        'agent-engine': {
          list_skills: () => ({ status: 418 as never, body: { message: 'teapot', errors: [] } as never }),
        },
      });
      return mock.fetch;
    },
  }),
  /** (6) Describing a cron expression answers 200 whatever the body, one without `cron_expression` too. */
  acceptsMissingField: defect({
    name: 'a 2xx for a body missing a required field',
    check: 'negative_data_rejection',
    operation: 'create_integrations_templates_connections_cron_describe',
    kind: 'stateless',
    inject: ({ fetch }) =>
      answering(
        fetch,
        (request) =>
          request.method === 'POST' && request.url.endsWith('/integrations/templates/connections/cron/describe'),
        () => Response.json({ description: 'every minute', is_valid: true }),
      ),
  }),
  /** (7) Execute drops a param it does not know instead of refusing it. */
  executeAcceptsUnknownParam: defect({
    name: 'an execute that accepts an unknown param',
    check: 'negative_data_rejection',
    operation: 'execute github issues list',
    kind: 'stateless',
    inject:
      ({ fetch }) =>
      async (input, init) => {
        const request = new Request(input, init);
        // A body that is not JSON goes to the mock as it is.
        const body = request.url.endsWith('/execute')
          ? ((await request
              .clone()
              .json()
              .catch(() => undefined)) as { params?: Record<string, unknown> } | undefined)
          : undefined;
        if (!body) return fetch(request);
        const { not_a_param_of_this_action: _dropped, ...params } = body.params ?? {};
        return fetch(request.url, {
          method: 'POST',
          headers: request.headers,
          body: JSON.stringify({ ...body, params }),
        });
      },
  }),
  /**
   * (8) Listing connectors leaves out the newest; the rest of the answer is the mock's own (the list is right but for
   * that, so that the defect shows as this check alone).
   */
  createdButNotListed: defect({
    name: 'a created connector missing from the list',
    check: 'ensure_resource_availability',
    operation: 'list_integrations_connectors',
    kind: 'stateful',
    inject: (mock) => {
      const list = mock.service.implementation('agent-engine', 'list_integrations_connectors');
      mock.service.override({
        'agent-engine': {
          list_integrations_connectors: async (context) => {
            const answer = await list(context);
            const newest = [...mock.service.store.connectors.values()]
              .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
              .at(-1);
            const body = answer.body as { data: { id: string }[] };
            if (answer.status !== 200 || newest === undefined) return answer as never;
            return { ...answer, body: { ...body, data: body.data.filter((c) => c.id !== newest.id) } } as never;
          },
        },
      });
      return mock.fetch;
    },
  }),
} satisfies Record<string, SeededDefect>;
