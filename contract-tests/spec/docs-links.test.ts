// Every relative link of the README and its guides (docs/guides/) leads somewhere: the file exists, and an anchor
// names a heading of that page (as GitHub makes anchors of headings). Moving a section between pages cannot leave a
// link behind.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pages = [
  join(root, 'README.md'),
  ...readdirSync(join(root, 'docs', 'guides'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(root, 'docs', 'guides', name)),
];

/** GitHub's anchor of a heading: lower case, punctuation but `-` and `_` dropped, spaces as `-`. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

/** The anchors of a markdown page: one per heading outside code blocks. */
function anchors(text: string): Set<string> {
  const found = new Set<string>();
  let fenced = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = !fenced && /^#{1,6} (.+)$/.exec(line);
    if (heading) found.add(anchorOf(heading[1]!));
  }
  return found;
}

describe('links of the README and the guides', () => {
  it('each page is there and is linked from the README', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const page of pages.slice(1)) expect(readme, relative(root, page)).toContain(`](${relative(root, page)})`);
  });

  for (const page of pages)
    it(`every relative link of ${relative(root, page)} leads to a file and a heading there`, () => {
      const text = readFileSync(page, 'utf8').replace(/```[\s\S]*?```/g, '');
      const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));
      for (const link of links) {
        const [path, anchor] = link.split('#') as [string, string | undefined];
        const target = path === '' ? page : join(dirname(page), path);
        expect(existsSync(target), `${relative(root, page)}: ${link}`).toBe(true);
        if (anchor && target.endsWith('.md'))
          expect([...anchors(readFileSync(target, 'utf8'))], `${relative(root, page)}: ${link}`).toContain(anchor);
      }
    });
});
