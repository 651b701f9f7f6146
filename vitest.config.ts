import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';
// @ts-expect-error: a plain .mjs helper without type declarations
import { viteYamlPlugin } from './scripts/yaml-plugin.mjs';

/** The suites that take longest (a build and an npm install; Chromium; fuzzing; processes), started first. */
const LONGEST_FIRST = ['e2e/package.test.ts', 'e2e/docs-site.test.ts', 'contract/fuzz.test.ts', 'e2e/cli.test.ts'];

/**
 * vitest orders by the durations it cached on earlier runs; a clean clone (CI) has none, and a long suite started
 * last makes the whole run wait for it. Known long suites go first, the rest as vitest would order them.
 */
class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = LONGEST_FIRST.findIndex((suffix) => file.moduleId.endsWith(suffix));
      return index === -1 ? LONGEST_FIRST.length : index;
    };
    return sorted
      .map((file, order) => ({ file, order }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.order - b.order)
      .map(({ file }) => file);
  }
}

export default defineConfig({
  plugins: [viteYamlPlugin],
  test: {
    include: ['contract-tests/**/*.test.ts'],
    // Two files at a time even on a 2-core machine (vitest would take one): most suites spend much of their time
    // waiting on processes they started (Prism, the mock, Chromium, npm, tsc).
    maxWorkers: 2,
    // Most tests here start processes, a browser or a compiler, and they run two files at a time on two cores: a test
    // that takes 1 s alone can take 5 s beside the package build (CI timed out two docs-site tests at vitest's default
    // of 5 s). A test that needs more still says so; one that hangs still fails.
    testTimeout: 30_000,
    // Test files of one worker share their imports (the specs parsed, the validators compiled, the mock's modules)
    // instead of importing everything again per file: about 9 s of imports and 8 s of the whole run on this 2-core
    // machine. So a test file leaves globals as it found them: servers closed, spies and timers restored, env put back.
    isolate: false,
    // A larger young generation for the workers than V8 picks by default: the suites allocate many
    // short-lived objects (records, requests, validators' results), and fewer scavenges cost about 3% less CPU in the
    // in-process suites (three interleaved pairs on this machine: 101 -> 98, 103 -> 96, 110 -> 107 core-seconds).
    execArgv: ['--max-semi-space-size=64'],
    sequence: { sequencer: LongestFirstSequencer },
    // The transformed modules kept on disk (in node_modules) between runs, keyed by their content: a run after the first
    // transforms only what changed (5 s of transform and 5 s of imports fewer on this machine). The YAML plugin's output
    // depends on the file's content alone, so its modules are cached safely too. The default from Vitest 5 on.
    experimental: { fsModuleCache: true },
    // Type-level tests (*.test-d.ts) are part of the project `npm run typecheck` compiles before vitest runs (a failed
    // expectTypeOf or an unused @ts-expect-error is a compile error there); checking them again here cost ~10 s.
    // `npx vitest --typecheck` reports them one by one.
  },
});
