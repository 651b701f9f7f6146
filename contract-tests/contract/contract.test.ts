// One suite, several targets: the same cases against the MSW mock in-process, the standalone mock, Prism and (with
// credentials) the real API. Every response is checked against the spec; a coverage table of operations and
// statuses is printed per target, and an operation of the spec without a contract case fails the suite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPEC_NAMES, listOperations, loadSpec } from '../../mocks/spec.js';
import { CASES, type CaseContext } from '../../src/verify/cases.js';
import { createCaseContext } from '../../src/verify/run.js';
import { createSpecRecorder, type SpecRecorder } from '../support/spec-middleware.js';
import { liveCredentials, selectedTargets, startTarget, type Target, type TargetName } from '../support/targets.js';

const runId = Date.now().toString(36);

describe('every operation of both specs has a contract case', () => {
  it('the cases cover them all', () => {
    const covered = new Set(CASES.flatMap((c) => c.covers));
    const all = SPEC_NAMES.flatMap((api) => listOperations(loadSpec(api)).map((op) => op.operationId));
    expect(all.filter((id) => !covered.has(id))).toEqual([]);
    expect([...covered].filter((id) => !all.includes(id))).toEqual([]);
  });
});

function coverageTable(target: string, recorders: SpecRecorder[], cases: number, ms: number): string {
  const rows = SPEC_NAMES.flatMap((api, i) =>
    listOperations(loadSpec(api)).map((op) => {
      const seen = [...(recorders[i]!.coverage.get(op.operationId) ?? [])].sort();
      const documented = Object.keys(op.operation.responses).length;
      return `| ${op.operationId} | ${seen.length > 0 ? seen.join(', ') : '-'} | ${seen.length}/${documented} |`;
    }),
  );
  return [
    `\ncontract target ${target}: ${cases} cases in ${(ms / 1000).toFixed(1)} s`,
    '| operation | statuses seen | of documented |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}

for (const name of selectedTargets()) {
  const skipLive = name === 'live' && !liveCredentials();
  if (skipLive)
    console.log(
      'contract target live: skipped (set AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET to run the read-only cases against the real API)',
    );

  describe.skipIf(skipLive)(`contract target: ${name}`, () => {
    let target: Target;
    let context: CaseContext;
    const recorders = [createSpecRecorder('agent-engine'), createSpecRecorder('airbyte-api-v1')] as const;
    let started = 0;
    const cases = CASES.filter((c) => (name === 'live' ? c.readOnly && !c.v1 : name === 'prism' ? !c.stateful : true));

    beforeAll(async () => {
      started = performance.now();
      target = await startTarget(name as TargetName);
      context = createCaseContext(target, recorders[0].middleware, recorders[1].middleware, runId);
    }, 120_000);

    afterAll(async () => {
      await target?.stop();
      console.log(coverageTable(name, [...recorders], cases.length, performance.now() - started));
    });

    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, contractCase) => {
      await contractCase.run(context);
      const violations = recorders.flatMap((r) => r.violations.splice(0));
      expect(
        violations,
        violations
          .map((v) => `${v.operationId} ${v.status} ${v.pointer}: ${v.message} (${JSON.stringify(v.value)})`)
          .join('\n'),
      ).toEqual([]);
    });

    it.skipIf(name === 'live')('exercised every operation of both specs', () => {
      const missing = SPEC_NAMES.flatMap((api, i) =>
        listOperations(loadSpec(api))
          .map((op) => op.operationId)
          .filter((id) => !recorders[i]!.coverage.has(id)),
      );
      expect(missing).toEqual([]);
    });
  });
}
