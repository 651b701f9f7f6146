// What the proxy saw: the calls of each operation by status, and every violation of the specs or the connector
// definitions, each also said in one line as it happens. Written on exit as JSON (`--report`) and JUnit XML
// (`--report-junit`, a test case per operation that was called or broken).
import { junitXml, type JUnitCase } from '../../src/verify/junit.js';

export interface Violation {
  /** The operation's id, or `METHOD /path` for a request that names none. */
  operation: string;
  direction: 'request' | 'response';
  /** A JSON pointer into the exchange: `/query/limit`, `/body/params/per_page`, `/status`, `/body/result/0/title`. */
  pointer: string;
  /** What was expected and what came; never a secret, never a body. */
  message: string;
  /** The answer's `x-request-id` (the upstream's, or the proxy's own for a request it refused); null without one. */
  requestId: string | null;
}

export interface TrafficReportJson {
  upstream: string;
  upstreamV1: string;
  operations: Record<string, Record<string, number>>;
  violations: Violation[];
  /** Violations seen beyond the MAX_REPORTED_VIOLATIONS listed (0 when all are listed). */
  violationsNotListed: number;
}

/** The most violations kept for the report; beyond it they are counted (a long run against a drifting API). */
export const MAX_REPORTED_VIOLATIONS = 10_000;

/** Text that goes in a log line: one line, of bounded length. */
const oneLine = (text: string, max: number) => text.replace(/[\r\n\t]+/g, ' ').slice(0, max);

export class TrafficReport {
  private readonly operations = new Map<string, Map<string, number>>();
  private readonly violations: Violation[] = [];
  private dropped = 0;
  /** Every violation seen, kept or not. */
  violationCount = 0;

  constructor(
    readonly upstream: string,
    readonly upstreamV1: string,
    /** Where each violation's line goes as it is found (stderr for the command). */
    private readonly say: (line: string) => void,
  ) {}

  /** One more call of an operation answered with this status (or how it ended without one: `client closed`). */
  count(operation: string, status: number | string): void {
    let byStatus = this.operations.get(operation);
    if (!byStatus) this.operations.set(operation, (byStatus = new Map()));
    byStatus.set(String(status), (byStatus.get(String(status)) ?? 0) + 1);
  }

  /** Records a violation and says it in one line. */
  add(violation: Violation): void {
    const kept: Violation = {
      ...violation,
      pointer: oneLine(violation.pointer, 200),
      message: oneLine(violation.message, 300),
    };
    this.violationCount++;
    if (this.violations.length < MAX_REPORTED_VIOLATIONS) this.violations.push(kept);
    else this.dropped++;
    this.say(
      `violation: ${kept.operation} ${kept.direction} ${kept.pointer || '/'}: ${kept.message}${kept.requestId ? ` (request id ${kept.requestId})` : ''}`,
    );
  }

  json(): TrafficReportJson {
    const operations: Record<string, Record<string, number>> = {};
    for (const [operation, byStatus] of [...this.operations].sort(([a], [b]) => a.localeCompare(b)))
      operations[operation] = Object.fromEntries([...byStatus].sort(([a], [b]) => a.localeCompare(b)));
    return {
      upstream: this.upstream,
      upstreamV1: this.upstreamV1,
      operations,
      violations: [...this.violations],
      violationsNotListed: this.dropped,
    };
  }

  /** A test case per operation called or broken; a failure per violation of it. */
  junit(): string {
    const names = new Set([...this.operations.keys(), ...this.violations.map((v) => v.operation)]);
    const cases: JUnitCase[] = [...names].sort().map((operation) => {
      const calls = [...(this.operations.get(operation)?.entries() ?? [])].map(([s, n]) => `${n}× ${s}`).join(', ');
      return {
        name: operation,
        classname: operation.includes(' ') ? 'unrouted' : 'agent-engine-kit proxy',
        failures: this.violations
          .filter((v) => v.operation === operation)
          .map((v) => ({
            message: `${v.direction} ${v.pointer || '/'}: ${v.message}`,
            type: `${v.direction}-violation`,
            details: `${v.direction} ${v.pointer || '/'}: ${v.message}\nrequest id: ${v.requestId ?? 'none'}\ncalls: ${calls || 'none answered'}`,
          })),
      };
    });
    if (this.dropped > 0)
      cases.push({
        name: 'violations not listed',
        classname: 'agent-engine-kit proxy',
        failures: [{ message: `${this.dropped} more violations than the report lists (${MAX_REPORTED_VIOLATIONS})` }],
      });
    return junitXml([
      {
        name: 'agent-engine-kit proxy',
        cases,
        properties: { upstream: this.upstream, 'upstream-v1': this.upstreamV1 },
        timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, ''),
      },
    ]);
  }
}
