import type { paths } from '../../generated/agent-engine.js';
import { call, type ResourceContext } from '../core/context.js';
import { AgentEngineError } from '../core/errors.js';
import type { CallOptions } from '../core/transport.js';
import type {
  SkillDocsQuery,
  SkillDocsResponse,
  SkillListQuery,
  SkillListResponse,
  SkillMetadata,
  SkillSearchQuery,
} from '../schemas.js';

/** `client.skills`: the docs an agent reads before it calls a connector (one docs skill per connector, and static ones). */
export interface SkillsResource {
  /** One page of skills: every connector's docs skill and the static skills; `next_cursor` asks for the next. */
  list(query?: SkillListQuery, options?: CallOptions): Promise<SkillListResponse>;
  /** Every skill of every page, following `next_cursor` until it is null. */
  all(query?: SkillListQuery, options?: CallOptions): AsyncGenerator<SkillMetadata>;
  /**
   * Skills matching the words of `text`, best match first.
   * @param text What to look for, in words.
   */
  search(text: string, query?: SkillSearchQuery, options?: CallOptions): Promise<SkillListResponse>;
  /**
   * A skill's docs (e.g. the `docs_skill_id` of `connectors.inspect`): the outline and overview, or with
   * `{section}` one section of the outline in full.
   * @param id The skill's id.
   */
  docs(id: string, query?: SkillDocsQuery, options?: CallOptions): Promise<SkillDocsResponse>;
}

export function skillsResource(context: ResourceContext<paths>): SkillsResource {
  const { raw } = context;

  // `need`: what the caller reads of the page (`data[]` when paging), checked before it reads it.
  const list = (query: SkillListQuery = {}, options?: CallOptions, need?: string): Promise<SkillListResponse> =>
    call(context, 'GET', raw.GET('/api/v1/skills', { params: { query }, ...context.init(options) }), need);

  return {
    list,

    async *all(query = {}, options) {
      const seen = new Set<string>();
      let page = await list(query, options, 'data');
      yield* page.data;
      while (page.next_cursor) {
        if (seen.has(page.next_cursor))
          throw new AgentEngineError('skills.all: the cursor repeated; stopping instead of looping');
        seen.add(page.next_cursor);
        page = await list({ ...query, cursor: page.next_cursor }, options, 'data');
        yield* page.data;
      }
    },

    search: (text, query = {}, options) =>
      call(
        context,
        'GET',
        raw.GET('/api/v1/skills/search', { params: { query: { ...query, query: text } }, ...context.init(options) }),
      ),

    docs: (id, query = {}, options) =>
      call(
        context,
        'GET',
        raw.GET('/api/v1/skills/docs', { params: { query: { ...query, id } }, ...context.init(options) }),
      ),
  };
}
