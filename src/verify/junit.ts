// JUnit XML, the report format CI systems read (GitHub Actions' test reporters, GitLab, Jenkins): test suites of test
// cases, each passed or with its failures. The proxy's `--report-junit` writes it; nothing in it is the proxy's own.

export interface JUnitCase {
  /** The test's name, e.g. an operation id. */
  name: string;
  /** Its group, e.g. the API (`agent-engine`). */
  classname: string;
  /** Seconds, when known. */
  time?: number;
  /** Each failure: a one-line message and, optionally, its details. */
  failures: { message: string; type?: string; details?: string }[];
  skipped?: string;
}

export interface JUnitSuite {
  name: string;
  cases: JUnitCase[];
  /** Key/value pairs about the run (the upstream, the seed). */
  properties?: Record<string, string>;
  timestamp?: string;
}

/** Characters XML 1.0 cannot hold at all, even escaped. */
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe in an XML attribute or element. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const attributes = (values: Record<string, string | number | undefined>) =>
  Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');

/** The suites as one JUnit XML document. */
export function junitXml(suites: JUnitSuite[]): string {
  const count = (pick: (c: JUnitCase) => boolean) => suites.reduce((n, s) => n + s.cases.filter(pick).length, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ tests: count(() => true), failures: count((c) => c.failures.length > 0), errors: 0, skipped: count((c) => c.skipped !== undefined) })}>`,
  ];
  for (const suite of suites) {
    const failures = suite.cases.filter((c) => c.failures.length > 0).length;
    const skipped = suite.cases.filter((c) => c.skipped !== undefined).length;
    lines.push(
      `  <testsuite${attributes({ name: suite.name, tests: suite.cases.length, failures, errors: 0, skipped, timestamp: suite.timestamp })}>`,
    );
    if (suite.properties && Object.keys(suite.properties).length > 0) {
      lines.push('    <properties>');
      for (const [name, value] of Object.entries(suite.properties))
        lines.push(`      <property${attributes({ name, value })}/>`);
      lines.push('    </properties>');
    }
    for (const testCase of suite.cases) {
      const open = `    <testcase${attributes({ name: testCase.name, classname: testCase.classname, time: testCase.time?.toFixed(3) })}`;
      if (testCase.failures.length === 0 && testCase.skipped === undefined) {
        lines.push(`${open}/>`);
        continue;
      }
      lines.push(`${open}>`);
      if (testCase.skipped !== undefined) lines.push(`      <skipped${attributes({ message: testCase.skipped })}/>`);
      for (const failure of testCase.failures)
        lines.push(
          `      <failure${attributes({ message: failure.message, type: failure.type })}>${escapeXml(failure.details ?? failure.message)}</failure>`,
        );
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
