// The walks a new user makes against the mock with the typed client, as the issue that asked for them tried them: list
// a parent, take a record's key, list its children, down every level. Each answers the parent's records; a key the
// mock never produced is the service's not-found (a NotFoundError naming the param), never an empty list.
import { describe, expect, it } from 'vitest';
import { createMockFetch } from '../../mocks/node.js';
import { NotFoundError, createAgentEngineClient } from '../../src/index.js';
import { connectorDefinition } from '../../mocks/connectors/definitions.js';
import { createBody } from '../support/connector-samples.js';

const mock = createMockFetch({ seed: 21 });
const client = createAgentEngineClient({
  baseUrl: 'https://api.airbyte.ai',
  clientId: 'demo-client-id',
  clientSecret: 'demo-client-secret',
  fetch: mock.fetch,
});
const connect = async <N extends 'clickup-api' | 'airtable' | 'jira' | 'twilio' | 'notion' | 'hubspot'>(name: N) =>
  client.connector(name, (await client.connectors.create(createBody(connectorDefinition(name)!))).id);

describe('walks a user makes', () => {
  it('ClickUp: team → space → folder → list → task, every level answering its parent’s records', async () => {
    const clickup = await connect('clickup-api');
    const team = (await clickup.teams.list()).data[0]!;
    const spaces = (await clickup.spaces.list({ team_id: String(team.id) })).data;
    expect(spaces.length).toBeGreaterThan(0);
    const folders = (await clickup.folders.list({ space_id: String(spaces[0]!.id) })).data;
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) expect(folder.space?.id).toBe(spaces[0]!.id);
    const lists = (await clickup.lists.list({ folder_id: String(folders[0]!.id) })).data;
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) expect(list.folder?.id).toBe(folders[0]!.id);
    const tasks = (await clickup.tasks.list({ list_id: String(lists[0]!.id) })).data;
    expect(tasks.length).toBeGreaterThan(0);
    // The task found again by its id, and among the team's tasks.
    expect((await clickup.tasks.get({ task_id: String(tasks[0]!.id) })).data.id).toBe(tasks[0]!.id);
    const teamTasks = (await clickup.tasks.api_search({ team_id: String(team.id) })).data.map((t) => t.id);
    expect(teamTasks).toContain(tasks[0]!.id);
    await expect(clickup.spaces.list({ team_id: 'no-such-team' })).rejects.toThrow(NotFoundError);
    await expect(clickup.spaces.list({ team_id: 'no-such-team' })).rejects.toThrow(/params\.team_id/);
  });

  it('Airtable: base → table → records', async () => {
    const airtable = await connect('airtable');
    const base = (await airtable.bases.list()).data[0]!;
    const table = (await airtable.tables.list({ base_id: String(base.id) })).data[0]!;
    const records = (await airtable.records.list({ base_id: String(base.id), table_id_or_name: String(table.id) }))
      .data;
    expect(records.length).toBeGreaterThan(0);
    // A table is named by its id or its name; a table of another base is not this base's.
    const byName = await airtable.records.list({ base_id: String(base.id), table_id_or_name: String(table.name) });
    expect(byName.data.map((r) => r.id)).toEqual(records.map((r) => r.id));
    // A table of another base is not found in this one, as Airtable answers.
    const otherBase = (await airtable.bases.list()).data[1]!;
    await expect(
      airtable.records.list({ base_id: String(otherBase.id), table_id_or_name: String(table.id) }),
    ).rejects.toThrow(/params\.table_id_or_name/);
  });

  it('Jira: an issue from a search → its comments and worklogs, by id or by key', async () => {
    const jira = await connect('jira');
    const issue = (await jira.issues.api_search({})).data[0]!;
    for (const issueIdOrKey of [String(issue.id), String(issue.key)]) {
      expect((await jira.issues.get({ issueIdOrKey })).data.id).toBe(issue.id);
      expect((await jira.issue_comments.list({ issueIdOrKey })).data.length).toBeGreaterThan(0);
      expect((await jira.issue_worklogs.list({ issueIdOrKey })).data.length).toBeGreaterThan(0);
    }
  });

  it('Twilio: an account → its incoming phone numbers, as its calls', async () => {
    const twilio = await connect('twilio');
    const account = (await twilio.accounts.list()).data[0]!;
    const numbers = (await twilio.incoming_phone_numbers.list({ AccountSid: String(account.sid) })).data;
    expect(numbers.length).toBeGreaterThan(0);
    for (const number of numbers) expect(number.account_sid ?? account.sid).toBe(account.sid);
    expect((await twilio.calls.list({ AccountSid: String(account.sid) })).data.length).toBeGreaterThan(0);
  });

  it('Notion: a page’s blocks, each found again by get', async () => {
    const notion = await connect('notion');
    const page = (await notion.pages.list()).data[0]!;
    const blocks = (await notion.blocks.list({ block_id: String(page.id) })).data;
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks)
      expect((await notion.blocks.get({ block_id: String(block.id) })).data.id).toBe(block.id);
    // A block's own children are listed by its id too (these blocks have none), never a 404 for a block that exists.
    expect((await notion.blocks.list({ block_id: String(blocks[0]!.id) })).data).toEqual([]);
    await expect(notion.blocks.list({ block_id: 'no-such-block' })).rejects.toThrow(NotFoundError);
  });

  it('HubSpot: objects of a standard type, or of a custom schema', async () => {
    const hubspot = await connect('hubspot');
    // A standard object type is one of the connector's own entities: no schema of it, yet no 404 either.
    expect((await hubspot.objects.list({ objectType: 'contacts' })).data).toBeInstanceOf(Array);
    const schema = (await hubspot.schemas.list()).data[0]!;
    const objects = await hubspot.objects.list({ objectType: String(schema.fullyQualifiedName) });
    expect(objects.data.length).toBeGreaterThan(0);
  });
});
