// What an editor shows on hover over a typed connector's method: the docs scripts/generate-types.mjs writes from the
// connector's definition (generated/connectors/actions.d.ts), carried by the typed connector's mapped types. The
// fixture is compiled by `npm run typecheck`; here only its hovers are asked for (no whole-program check: seconds).
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ConsumerProject, openConsumerProject } from '../support/quick-info.js';

const fixture = fileURLToPath(new URL('../fixtures/typed-hover', import.meta.url));

describe('typed connectors on hover', () => {
  let project: ConsumerProject;
  const hover = (snippet: string) => project.hover('hover.ts', snippet);
  beforeAll(() => {
    project = openConsumerProject(fixture, 'tsconfig.json');
  });

  it("show a list's upstream endpoint, params with their bounds and defaults, the scoped ones, and how it pages", () => {
    const list = hover('issues.list');
    expect(list.display).toMatch(/^\(property\) list: \(params\?: /);
    expect(list.documentation).toContain('Lists GitHub issues; upstream `POST /graphql` (GraphQL).');
    expect(list.documentation).toContain(
      "- `owner` `string`, optional: filled from the configuration's `repositories`",
    );
    expect(list.documentation).toContain('- `states` `("OPEN" | "CLOSED")[]`');
    expect(list.documentation).toContain('- `per_page` `integer`, 1 to 100, default `30`');
    expect(list.documentation).toContain(
      'Pages by cursor: `connector_metadata.end_cursor` goes back as `after`; `per_page` sets the page size (30 by default); the last page answers `has_next_page: false`. `all()` reads every page.',
    );
  }, 60_000);

  it("show a get's key and required params, a write's endpoint, and a list that does not page", () => {
    const get = hover('stripe.customers.get');
    expect(get.documentation).toBe(
      'Gets one record of Stripe customers by `id`; upstream `GET /v1/customers/{id}`.\n\nParams:\n- `id` `string`, **required**',
    );
    const create = hover('github.issues.create');
    expect(create.documentation).toContain(
      'Creates a record of GitHub issues; upstream `POST /repos/{owner}/{repo}/issues`.',
    );
    expect(create.documentation).toContain('- `title` `string`, **required**');
    expect(create.documentation).not.toContain('Pages');
    const unpaged = hover('github.directory_content.list');
    expect(unpaged.documentation).toContain('- `ref` `string`, default `"HEAD"`');
    expect(unpaged.documentation).toContain('Does not page: one call answers all of it.');
    const download = hover('drive.files.download');
    expect(download.documentation).toContain('- `alt` `"media"`, default `"media"`');
    expect(download.display).toContain('alt?: "media"');
  }, 60_000);

  it('show an entity with its actions', () => {
    expect(hover('github.issues;').documentation).toBe(
      'GitHub issues: `list`, `get`, `api_search`, `create`, `update`.',
    );
  }, 60_000);
});
