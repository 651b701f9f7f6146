// `--state FILE`: the mock's store kept in a file between runs (Node only). Written after every change the mock
// answers, before the answer goes out, atomically (a temporary file renamed over the old one), so that killing the
// server at any moment loses no change it has answered and never leaves half a file. Read once at start; a file that
// is not one, or of another version, seed or organization, is refused with what to do.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { MockConfig } from './config.js';
import { STATE_FORMAT, STATE_VERSION, type StoreSnapshot } from './store.js';

export class StateFileError extends Error {
  override readonly name = 'StateFileError';
}

/**
 * The snapshot a state file holds, or null when there is no file yet. Without an `organizationId` to match, the file's
 * own is taken (a replayed recording's organization, kept in the file).
 */
export function readStateFile(
  file: string,
  config: Pick<MockConfig, 'seed'> & { organizationId?: string | undefined },
): StoreSnapshot | null {
  if (!existsSync(file)) return null;
  let snapshot: Partial<StoreSnapshot>;
  try {
    snapshot = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoreSnapshot>;
  } catch {
    throw new StateFileError(
      `${file} is not a state file of the mock (it does not read as JSON): move it away, or delete it to start from the seed.`,
    );
  }
  if (!snapshot || typeof snapshot !== 'object' || snapshot.format !== STATE_FORMAT) {
    throw new StateFileError(
      `${file} is not a state file of the mock (no "format": "${STATE_FORMAT}"): move it away, or delete it to start from the seed.`,
    );
  }
  if (snapshot.version !== STATE_VERSION) {
    throw new StateFileError(
      `${file} was written by a mock of another version (state version ${String(snapshot.version)}; this one reads version ${STATE_VERSION}): delete it to start from the seed.`,
    );
  }
  if (
    snapshot.seed !== config.seed ||
    (config.organizationId !== undefined && snapshot.organizationId !== config.organizationId) ||
    typeof snapshot.organizationId !== 'string'
  ) {
    throw new StateFileError(
      `${file} was written with seed ${String(snapshot.seed)} and organization ${String(snapshot.organizationId)}: start the mock with those, or use another file.`,
    );
  }
  for (const key of [
    'workspaces',
    'connectors',
    'sourceTemplates',
    'connectionTemplates',
    'oauthCredentials',
    'tokens',
    'oauthFlows',
    'records',
    'executions',
  ] as const) {
    if (!Array.isArray(snapshot[key]))
      throw new StateFileError(`${file} is damaged (no ${key} list): delete it to start from the seed.`);
  }
  const recordedIds = (snapshot as { recordedIds?: unknown }).recordedIds;
  if (recordedIds !== undefined && !(Array.isArray(recordedIds) && recordedIds.every((id) => typeof id === 'string')))
    throw new StateFileError(
      `${file} is damaged (its recordedIds are not a list of ids): delete it to start from the seed.`,
    );
  // Each connector's records: its built entities, and their records' parents by index (state version 2).
  for (const entry of snapshot.records as unknown[]) {
    const [id, records] = Array.isArray(entry) ? entry : [];
    const entities = (records as { entities?: unknown } | undefined)?.entities;
    const parents = (records as { parents?: unknown } | undefined)?.parents;
    const pairs = (list: unknown) =>
      Array.isArray(list) &&
      list.every((pair) => Array.isArray(pair) && typeof pair[0] === 'string' && Array.isArray(pair[1]));
    const isObject = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);
    const rows = pairs(entities) && (entities as [string, unknown[]][]).every(([, list]) => list.every(isObject));
    const links =
      pairs(parents) &&
      (parents as [string, unknown[]][]).every(([, list]) => list.every((link) => link === null || isObject(link)));
    const seeded = (records as { seeded?: unknown } | undefined)?.seeded;
    const positions =
      seeded === undefined ||
      (Array.isArray(seeded) &&
        seeded.every(
          (pair) =>
            Array.isArray(pair) &&
            typeof pair[0] === 'string' &&
            Array.isArray(pair[1]) &&
            pair[1].every((i: unknown) => Number.isInteger(i)),
        ));
    const recorded = (records as { recorded?: unknown } | undefined)?.recorded;
    const replayed =
      recorded === undefined || (Array.isArray(recorded) && recorded.every((name) => typeof name === 'string'));
    if (typeof id !== 'string' || !rows || !links || !positions || !replayed)
      throw new StateFileError(
        `${file} is damaged (a connector's records are not as the mock writes them): delete it to start from the seed.`,
      );
  }
  return snapshot as StoreSnapshot;
}

/** Writes the snapshot to a temporary file beside `file`, then renames it over `file` (atomic on one file system). */
export function writeStateFile(file: string, snapshot: StoreSnapshot): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(snapshot));
  renameSync(temporary, file);
}
