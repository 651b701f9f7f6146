import type { components, operations, paths } from '../../generated/agent-engine.js';
import { call, type ResourceContext } from '../core/context.js';
import { AgentEngineError } from '../core/errors.js';
import type { CallOptions } from '../core/transport.js';

type Schemas = components['schemas'];
type Query<Id extends keyof operations> = NonNullable<operations[Id]['parameters']['query']>;
export type SkillListQuery = Query<'list_skills'>;
export type SkillSearchQuery = Omit<Query<'list_skills_search'>, 'query'>;
export type SkillDocsQuery = Omit<Query<'get_skills_docs'>, 'id'>;

export function skillsResource(context: ResourceContext<paths>) {
  const { raw } = context;

  const list = (query: SkillListQuery = {}, options?: CallOptions): Promise<Schemas['SkillListResponse']> =>
    call(context, 'GET', raw.GET('/api/v1/skills', { params: { query }, ...context.init(options) }));

  return {
    /** One page of skills: every connector's docs skill and the static skills; `next_cursor` asks for the next. */
    list,

    /** Every skill of every page, following `next_cursor` until it is null. */
    async *all(query: SkillListQuery = {}, options?: CallOptions): AsyncGenerator<Schemas['SkillMetadata']> {
      const seen = new Set<string>();
      let page = await list(query, options);
      yield* page.data;
      while (page.next_cursor) {
        if (seen.has(page.next_cursor)) throw new AgentEngineError('skills.all: the cursor repeated; stopping instead of looping');
        seen.add(page.next_cursor);
        page = await list({ ...query, cursor: page.next_cursor }, options);
        yield* page.data;
      }
    },

    /** Skills matching the words of `text`, best match first. */
    search: (text: string, query: SkillSearchQuery = {}, options?: CallOptions): Promise<Schemas['SkillListResponse']> =>
      call(context, 'GET', raw.GET('/api/v1/skills/search', { params: { query: { ...query, query: text } }, ...context.init(options) })),

    /**
     * A skill's docs (e.g. the `docs_skill_id` of `connectors.inspect`): the outline and overview, or with
     * `{section}` one section of the outline in full.
     */
    docs: (id: string, query: SkillDocsQuery = {}, options?: CallOptions): Promise<Schemas['SkillDocsResponse']> =>
      call(context, 'GET', raw.GET('/api/v1/skills/docs', { params: { query: { ...query, id } }, ...context.init(options) })),
  };
}
