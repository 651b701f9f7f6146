// Drift guard: each spec against its version in the previous commit. Breaking changes (removed operations or fields,
// newly required inputs, narrowed inputs, widened outputs) are listed, and fail unless info.version changed.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { load as parseYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { SPEC_FILES, SPEC_NAMES, loadSpec, type OpenApiDocument } from '../../mocks/spec.js';
import { judgeDrift } from '../support/spec-diff.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

/**
 * The spec's previous version: SPEC_BASE_REF when set; HEAD's when the working tree changed the file; else the
 * version before the last commit that changed it.
 */
function previousVersion(file: string): { ref: string; doc: OpenApiDocument } | undefined {
  try {
    let ref = process.env.SPEC_BASE_REF;
    if (!ref) {
      const changedInTree = git('status', '--porcelain', '--', file).trim() !== '';
      ref = changedInTree ? 'HEAD' : git('log', '-n', '2', '--format=%H', '--', file).trim().split('\n')[1];
    }
    if (!ref) return undefined;
    return { ref, doc: parseYaml(git('show', `${ref}:${file}`)) as OpenApiDocument };
  } catch {
    return undefined;
  }
}

describe.each(SPEC_NAMES)('%s against its previous version', (name) => {
  const previous = previousVersion(SPEC_FILES[name]);

  it('has no breaking change without a version bump', () => {
    if (!previous) {
      console.log(`spec drift: ${SPEC_FILES[name]} has no earlier version in this clone's history; nothing to compare`);
      return;
    }
    const before = previous.doc;
    console.log(`spec drift: ${SPEC_FILES[name]} compared with ${previous.ref.slice(0, 12)}`);
    const verdict = judgeDrift(before, loadSpec(name));
    for (const change of verdict.changes)
      console.log(`spec drift: ${change.breaking ? 'BREAKING' : 'compatible'} ${change.where}: ${change.what}`);
    expect(
      verdict.ok,
      `breaking changes without a version bump (${verdict.versionBefore}):\n${verdict.breaking.map((c) => `${c.where}: ${c.what}`).join('\n')}`,
    ).toBe(true);
  });
});

describe('the drift guard itself', () => {
  const current = loadSpec('agent-engine');
  const edited = (edit: (doc: OpenApiDocument) => void) => {
    const copy = structuredClone(current);
    edit(copy);
    return copy;
  };

  it('sees no change between a spec and itself', () => {
    expect(judgeDrift(current, current).changes).toEqual([]);
  });

  it('a renamed response field is breaking and fails without a version bump, passes with one', () => {
    const renamed = edited((doc) => {
      const metadata = doc.components.schemas.ExecutionMetadata;
      metadata.properties.execution_ms = metadata.properties.execution_time_ms;
      delete metadata.properties.execution_time_ms;
      metadata.required = ['connector_instance_id', 'execution_ms'];
    });
    const verdict = judgeDrift(current, renamed);
    expect(verdict.breaking).toContainEqual({
      breaking: true,
      where: 'POST /api/v1/integrations/connectors/{id}/execute 200 execution_metadata.execution_time_ms',
      what: 'response field removed',
    });
    expect(verdict.ok).toBe(false);
    expect(judgeDrift(current, { ...renamed, info: { ...renamed.info, version: '1.0.0' } }).ok).toBe(true);
  });

  it('a removed operation, a newly required input, a narrowed input and a new enum value are breaking; an added field is not', () => {
    const changed = edited((doc) => {
      delete doc.paths['/api/v1/workspaces/stats'];
      doc.components.schemas.ExecuteRequest.required.push('params');
      doc.components.schemas.ConnectorCreateRequest.properties.name.type = 'string';
      doc.components.schemas.WorkspaceStatus.enum.push('archived');
      doc.components.schemas.ExecutionMetadata.properties.region = { type: 'string' };
    });
    const whats = judgeDrift(current, changed).changes.map((c) => `${c.breaking ? '!' : '+'} ${c.where}: ${c.what}`);
    expect(whats).toContain('! GET /api/v1/workspaces/stats: operation removed');
    expect(whats).toContain('! POST /api/v1/integrations/connectors/{id}/execute body.params: input became required');
    expect(whats).toContain(
      '! POST /api/v1/integrations/connectors body.name: no longer accepts null (string|null -> string)',
    );
    expect(whats).toContain('! GET /api/v1/workspaces/{workspace_id} 200 status: new enum values: archived');
    expect(whats).toContain(
      '+ POST /api/v1/integrations/connectors/{id}/execute 200 execution_metadata.region: new response field',
    );
  });
});
