// The TypeScript of the README and of every guide (docs/guides/) compiles against the kit's sources: each ```ts block
// becomes a module of its own (its imports of the package resolved to the sources, the rest the body of a function),
// after a prelude that declares what the guides' blocks take from the ones before them (a client, a connector, ...),
// and is type-checked with the project's settings. A snippet that stops matching the API fails here.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PAGES = [
  'README.md',
  ...readdirSync(join(root, 'docs', 'guides'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/guides/${name}`),
];

/** The package's entry points, as the snippets import them, and the sources they are built from. */
const ENTRY_POINTS: Record<string, string> = {
  'agent-engine-kit': 'src/index.ts',
  'agent-engine-kit/validation': 'src/validation/index.ts',
  'agent-engine-kit/agent': 'src/agent/index.ts',
  'agent-engine-kit/ai-sdk': 'src/agent/ai-sdk.ts',
  'agent-engine-kit/openai-agents': 'src/agent/openai-agents.ts',
  'agent-engine-kit/mock': 'mocks/node.ts',
  'agent-engine-kit/mock/browser': 'mocks/browser.ts',
};

/**
 * What the guides' blocks use without making it: what a block before them made (a client, a connector, the mock), or
 * what a reader's app has (its own backend's helpers). Declared, typed, never defined.
 */
const PRELUDE = `
import type { LanguageModel as Prelude_LanguageModel } from 'ai';
import type { AgentEngineClient as Prelude_Client, WorkspaceClient as Prelude_WorkspaceClient } from 'agent-engine-kit';
import type { MockFetch as Prelude_MockFetch } from 'agent-engine-kit/mock';
declare const client: Prelude_Client;
declare const workspace: Prelude_WorkspaceClient;
declare const connector: { id: string };
declare const mock: Prelude_MockFetch;
declare const model: Prelude_LanguageModel;
declare const clientId: string;
declare const clientSecret: string;
declare const organizationId: string;
`;

/**
 * Packages a guide's snippet imports that the kit does not install: their surface as the snippets use it, so that the
 * kit's side of the call is what is checked.
 */
const NOT_INSTALLED = `
declare module '@openai/agents' {
  export class Agent {
    constructor(options: { name: string; instructions: string; tools: unknown[] });
  }
  export function run(agent: Agent, input: string): Promise<{ finalOutput?: string }>;
}
`;

const IMPORT = /^import .* from '[^']+'( with \{ type: 'json' \})?;$/;

interface Snippet {
  page: string;
  line: number;
  code: string;
}

function snippets(page: string): Snippet[] {
  const text = readFileSync(join(root, page), 'utf8');
  const found: Snippet[] = [];
  for (const match of text.matchAll(/^```ts\n([\s\S]*?)^```/gm))
    found.push({ page, line: text.slice(0, match.index).split('\n').length + 1, code: match[1]! });
  return found;
}

/** A snippet as a module: its imports at the top, after the prelude's; the rest in an async function. */
function moduleOf(snippet: Snippet): string {
  const imports: string[] = [];
  const body: string[] = [];
  for (const line of snippet.code.split('\n')) (IMPORT.test(line) ? imports : body).push(line);
  return `${PRELUDE}\n${imports.join('\n')}\nexport async function snippet() {\n${body.join('\n')}\n}\n`;
}

describe('the TypeScript of the README and the guides', () => {
  it('compiles against the sources, every block of every page', () => {
    const all = PAGES.flatMap(snippets);
    expect(all.length).toBeGreaterThanOrEqual(10);
    const config = ts.getParsedCommandLineOfConfigFile(
      join(root, 'tsconfig.json'),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
        },
      },
    )!;
    const folder = mkdtempSync(join(root, '.snippets-'));
    try {
      // The per-connector JSON the browser mock takes, as the build makes it from the definition (dist/connectors/).
      mkdirSync(join(folder, 'connectors'));
      writeFileSync(
        join(folder, 'connectors', 'github.json'),
        JSON.stringify(load(readFileSync(join(root, 'openapi', 'connectors', 'github.yaml'), 'utf8'))),
      );
      writeFileSync(join(folder, 'not-installed.d.ts'), NOT_INSTALLED);
      const files = all.map((snippet, i) => {
        const file = join(folder, `snippet-${i}.ts`);
        writeFileSync(file, moduleOf(snippet));
        return { file, snippet };
      });
      const program = ts.createProgram([...files.map((f) => f.file), join(folder, 'not-installed.d.ts')], {
        ...config.options,
        noUnusedLocals: false,
        noUnusedParameters: false,
        baseUrl: root,
        paths: {
          ...Object.fromEntries(Object.entries(ENTRY_POINTS).map(([name, source]) => [name, [source]])),
          'agent-engine-kit/mock/connectors/*': [`${relative(root, folder)}/connectors/*`],
        },
      });
      const problems = files.flatMap(({ file, snippet }) =>
        ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => {
          const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
          const prelude = moduleOf(snippet).split('\n').indexOf('export async function snippet() {') + 1;
          const imports = snippet.code.split('\n').filter((l) => IMPORT.test(l)).length;
          return `${snippet.page}:${snippet.line} (module line ${at + 1}, prelude ${prelude}, imports ${imports}): ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
        }),
      );
      expect(problems).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
