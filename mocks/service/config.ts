// The mock's settings: demo credentials and token lifetimes, from options, else the environment, else the defaults
// (documented in the README and printed at start-up).
import type { Har } from '../har/format.js';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';

/** The client id the mock accepts unless `clientId` (or AGENT_ENGINE_MOCK_CLIENT_ID) says otherwise. */
export const DEFAULT_MOCK_CLIENT_ID = 'demo-client-id';
/** The client secret the mock accepts unless `clientSecret` (or AGENT_ENGINE_MOCK_CLIENT_SECRET) says otherwise. */
export const DEFAULT_MOCK_CLIENT_SECRET = 'demo-client-secret';
export const DEFAULT_MOCK_ORGANIZATION_ID = '4f7c2b1e-8d3a-4c5f-9b6e-2a1d0c9e8f7a';
export const APPLICATION_TOKEN_TTL_SECONDS = 15 * 60;
export const SCOPED_TOKEN_TTL_SECONDS = 20 * 60;
/** The v1 API's access tokens (seed 000 shows 3600). */
export const V1_TOKEN_TTL_SECONDS = 60 * 60;

/** Options of the mock: `setupMockServer`, `startStandaloneMock` and `new MockService`. */
export interface MockOptions {
  /** Same seed, same ids and data. Default 1. */
  seed?: number;
  /** Where the mock reads the time; a ManualClock expires tokens on demand. Default: the system clock. */
  clock?: Clock;
  /** The client id the token endpoints accept. Default AGENT_ENGINE_MOCK_CLIENT_ID, else `demo-client-id`. */
  clientId?: string;
  /** The client secret the token endpoints accept. Default AGENT_ENGINE_MOCK_CLIENT_SECRET, else `demo-client-secret`. */
  clientSecret?: string;
  /** The organization every token acts in. Default a fixed id, printed at start-up. */
  organizationId?: string;
  /** One lifetime for every token, in seconds, instead of the API's own (15 min application, 20 min scoped). */
  tokenTtlSeconds?: number;
  /** Check every response against the spec and fail loudly when one breaks it. Default true. */
  validateResponses?: boolean;
  /**
   * How many records each listable entity of a connector holds (at least one per parent record), for tests of paging,
   * truncation and agents over large results; each entity is built when first read, many records as they are read.
   * Default 25 to 32 per entity;
   * AGENT_ENGINE_MOCK_RECORDS.
   */
  records?: number;
  /**
   * A recording to start from (`agent-engine-kit proxy --record FILE.har`): a HAR file's path (read with node:fs, Node
   * ≥ 20.16) or the `Har` itself (any runtime). The store is the recording's at its end: its workspaces, connectors
   * (ids, names, replication configs), source templates and organization id, and every record execute answered,
   * served by the connector's own paging, searched and written to as generated ones are; entities it never showed are
   * generated. Tokens are minted afresh (the demo credentials work), credentials are placeholders. A file that is not
   * HAR 1.2 of these APIs is refused with a ReplayError; `service.replayed` says what was taken, with warnings (a file
   * cut short). `reset()` goes back to the recording's state.
   */
  replay?: string | Har;
}

export interface MockConfig {
  seed: number;
  clock: Clock;
  clientId: string;
  clientSecret: string;
  organizationId: string;
  tokenTtlSeconds: number | undefined;
  validateResponses: boolean;
  recordsPerEntity: number | undefined;
}

/** The most records an entity may be asked to hold: beyond it a build would take minutes and gigabytes. */
export const MAX_RECORDS_PER_ENTITY = 1_000_000;

/** `--records` as the command line gives it (`agent-engine-kit mock`, `npm start --`): a MockConfigError when not one. */
export function parseRecords(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const records = /^\d{1,7}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(records) || records < 1 || records > MAX_RECORDS_PER_ENTITY)
    throw new MockConfigError(
      `--records: ${text.slice(0, 20)} is not a whole number from 1 to ${MAX_RECORDS_PER_ENTITY.toLocaleString('en-US')}`,
    );
  return records;
}

/** A setting the user got wrong (an option or an AGENT_ENGINE_MOCK_* variable): said in one line, never a stack. */
export class MockConfigError extends Error {
  override readonly name = 'MockConfigError';
}

function env(name: string): string | undefined {
  const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function resolveMockConfig(options: MockOptions = {}): MockConfig {
  const ttl =
    options.tokenTtlSeconds ??
    (env('AGENT_ENGINE_MOCK_TOKEN_TTL_SECONDS') ? Number(env('AGENT_ENGINE_MOCK_TOKEN_TTL_SECONDS')) : undefined);
  if (ttl !== undefined && (!Number.isFinite(ttl) || ttl <= 0))
    throw new MockConfigError(`AGENT_ENGINE_MOCK_TOKEN_TTL_SECONDS must be a positive number of seconds, not ${ttl}`);
  const records =
    options.records ?? (env('AGENT_ENGINE_MOCK_RECORDS') ? Number(env('AGENT_ENGINE_MOCK_RECORDS')) : undefined);
  if (records !== undefined && (!Number.isInteger(records) || records < 1 || records > MAX_RECORDS_PER_ENTITY))
    throw new MockConfigError(
      `records (--records, AGENT_ENGINE_MOCK_RECORDS) must be a whole number from 1 to ${MAX_RECORDS_PER_ENTITY.toLocaleString('en-US')}, not ${String(records).slice(0, 20)}`,
    );
  return {
    seed: options.seed ?? 1,
    clock: options.clock ?? systemClock,
    clientId: options.clientId ?? env('AGENT_ENGINE_MOCK_CLIENT_ID') ?? DEFAULT_MOCK_CLIENT_ID,
    clientSecret: options.clientSecret ?? env('AGENT_ENGINE_MOCK_CLIENT_SECRET') ?? DEFAULT_MOCK_CLIENT_SECRET,
    organizationId: options.organizationId ?? DEFAULT_MOCK_ORGANIZATION_ID,
    tokenTtlSeconds: ttl,
    validateResponses: options.validateResponses ?? true,
    recordsPerEntity: records,
  };
}
