// `agent-engine-kit proxy`: a validating proxy in front of the real API. Every request goes on to the upstream and its
// answer comes back unchanged (status, headers, body bytes, streamed), while both are checked with the mock's own
// stages: the route table, the request validator, the execute request check and, on the way back, the response
// validator and the execute answer check (records and paging keys from the connector definitions). Violations are
// reported, never fixed; with `strict` a violating request is refused before it leaves and a violating answer becomes a
// 502 naming what is wrong. Each exchange can be handed to a recorder (HAR, secrets redacted).
import {
  Agent as HttpAgent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Row } from '../execute/query.js';
import type { RecordedExchange } from '../har/recorder.js';
import { apiOf, errorBody } from '../pipeline/errors.js';
import { MAX_BODY_BYTES } from '../pipeline/limits.js';
import { isJsonMediaType, mediaTypeOf } from '../../src/validation/media-type.js';
import { splitTarget } from '../pipeline/request.js';
import { responseViolations, type ResponseViolation } from '../pipeline/validate-response.js';
import type { SpecName } from '../spec.js';
import { MAX_CHECKED_ANSWER_BYTES, specChecks } from './answer-check.js';
import { AnswerChecker } from './answer-worker.js';
import { ConnectorDirectory } from './connectors.js';
import { checkRequest } from './request-check.js';
import { TrafficReport, type Violation } from './report.js';

export const DEFAULT_UPSTREAM = 'https://api.airbyte.ai';
export const DEFAULT_UPSTREAM_V1 = 'https://api.airbyte.com';
export const DEFAULT_PROXY_PORT = 4020;

/** Other answers (downloads) are kept for the recording up to this size; the rest passes on without a copy. */
const MAX_RECORDED_BINARY_BYTES = 1024 * 1024;
/** How long the upstream may stay silent (no byte of an answer) before the exchange is given up. */
const UPSTREAM_IDLE_MS = 5 * 60_000;
/** How long closing waits for the exchanges under way before it cuts them (so that reports are always written). */
const CLOSE_GRACE_MS = 5_000;
/** The answers a proxy learns which connector runs which definition from (ConnectorDirectory.learn). */
const LEARNED_FROM = new Set([
  'list_integrations_connectors',
  'create_integrations_connectors',
  'get_integrations_connectors_id',
  'update_integrations_connectors_id',
]);

/** Where the proxy hands each exchange once its answer is passed on (a HarRecorder: HAR, secrets redacted). */
export interface ExchangeRecorder {
  record(exchange: RecordedExchange): void;
  close(): void;
}

export interface ProxyOptions {
  /** The Agent Engine API (`/api/v1/...` and everything not under `/v1`). Default https://api.airbyte.ai. */
  upstream?: string;
  /** The Airbyte API for `/v1/...`. Default https://api.airbyte.com. */
  upstreamV1?: string;
  /** Default 4020; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Refuse a violating request (the API's own 422) and turn a violating answer into a 502. Default false. */
  strict?: boolean;
  /** Gets every exchange once its answer has been passed on. */
  recorder?: ExchangeRecorder;
  /** One line per violation as it is found (default: stderr). */
  warn?: (line: string) => void;
  /** One line per request (default: none). */
  log?: (line: string) => void;
  /**
   * The module to start as a worker thread that checks large answers beside the proxy's thread (the command passes
   * its own, which runs `runAnswerWorker` there); none: every check runs in the proxy's thread.
   */
  checkWorker?: URL;
  /** How long close() waits for the exchanges under way before it cuts them. Default 5 s. */
  closeGraceMs?: number;
  /** Called once this many exchanges have ended (`--exit-after N`). */
  exitAfter?: number;
  onExitAfter?: () => void;
}

export interface RunningProxy {
  server: Server;
  /** e.g. http://127.0.0.1:4020: the base URL clients use instead of the API's. */
  url: string;
  report: TrafficReport;
  /** Stops listening, waits for the exchanges under way, closes the recorder. */
  close(): Promise<void>;
}

/** Headers of one connection only, never passed on (RFC 9110 section 7.6.1), and the Host, which is the upstream's. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

/** Header pairs as received, without the connection's own (and those the Connection header names). */
function passedHeaders(raw: string[]): [string, string][] {
  const named = new Set<string>();
  for (let i = 0; i < raw.length; i += 2)
    if (raw[i]!.toLowerCase() === 'connection')
      for (const name of raw[i + 1]!.split(',')) named.add(name.trim().toLowerCase());
  const pairs: [string, string][] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (!HOP_BY_HOP.has(name) && !named.has(name)) pairs.push([raw[i]!, raw[i + 1]!]);
  }
  return pairs;
}

/** The request's body: whole when within the limit; beyond it, what was read so far and the stream paused. */
function readRequestBody(incoming: IncomingMessage): Promise<{ chunks: Buffer[]; size: number; whole: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        incoming.pause();
        cleanup();
        resolve({ chunks, size, whole: false });
      }
    };
    const onEnd = () => {
      cleanup();
      resolve({ chunks, size, whole: true });
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
  });
}

/** A base URL's origin and path prefix (`https://host/prefix` -> `https://host`, `/prefix`). */
function baseOf(text: string, name: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${name} is not a URL: ${text.slice(0, 100)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`${name} must be an http or https URL, got ${url.protocol}`);
  if (url.search || url.hash) throw new Error(`${name} takes no query or fragment`);
  // Credentials in the URL would be shown in every report (and are not how the API authenticates).
  if (url.username || url.password) throw new Error(`${name} takes no user name or password`);
  return url;
}

export async function startProxy(options: ProxyOptions = {}): Promise<RunningProxy> {
  const upstream = baseOf(options.upstream ?? DEFAULT_UPSTREAM, '--upstream');
  const upstreamV1 = baseOf(options.upstreamV1 ?? DEFAULT_UPSTREAM_V1, '--upstream-v1');
  const warn = options.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  const report = new TrafficReport(upstream.href.replace(/\/$/, ''), upstreamV1.href.replace(/\/$/, ''), warn);
  const { validators } = specChecks();
  const checker = new AnswerChecker(options.checkWorker, warn);
  const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
  /** The upstream URL of a request target: always on the upstream's origin (a path `//host/...` stays a path). */
  const targetOf = (api: SpecName, target: string) => {
    const base = api === 'airbyte-api-v1' ? upstreamV1 : upstream;
    const { path, query } = splitTarget(target);
    const url = new URL(base.origin);
    url.pathname = `${base.pathname.replace(/\/$/, '')}${path}`;
    url.search = query;
    return url;
  };
  // What a connector runs, asked of the upstream with the caller's own credentials: one read-only GET.
  const directory = new ConnectorDirectory(async (id, headers) => {
    const response = await fetch(
      targetOf('agent-engine', `/api/v1/integrations/connectors/${encodeURIComponent(id)}`),
      // Never redirected: the caller's token goes to the upstream and nowhere else.
      { headers, redirect: 'error', signal: AbortSignal.timeout(10_000) },
    );
    // Only a JSON answer of a sensible size is read: a connector, not whatever a misrouted upstream sends.
    const length = Number(response.headers.get('content-length') ?? 0);
    if (
      !response.ok ||
      !isJsonMediaType(mediaTypeOf(response.headers.get('content-type') ?? undefined)) ||
      length > MAX_BODY_BYTES
    ) {
      await response.body?.cancel();
      return null;
    }
    return (await response.json()) as Row;
  });
  const pending = new Set<Promise<void>>();
  let ended = 0;

  const server = createServer((incoming, outgoing) => {
    const work = handle(incoming, outgoing).catch((error: unknown) => {
      warn(`proxy: ${(error as Error).message}`);
      if (!outgoing.headersSent) {
        outgoing.writeHead(502, { 'content-type': 'application/json' });
        outgoing.end(JSON.stringify(errorBody('agent-engine', 502, 'The proxy failed to pass this request on.').body));
      } else outgoing.destroy();
    });
    pending.add(work);
    void work.finally(() => {
      pending.delete(work);
      if (options.exitAfter !== undefined && ++ended === options.exitAfter) options.onExitAfter?.();
    });
  });

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const startedAt = Date.now();
    const started = performance.now();
    const method = (incoming.method ?? 'GET').toUpperCase();
    const rawTarget = incoming.url ?? '/';
    const { path, query } = splitTarget(rawTarget.startsWith('/') ? rawTarget : `/${rawTarget}`);
    const api = apiOf(path);
    const target = targetOf(api, `${path}${query ? `?${query}` : ''}`);
    const headers: Record<string, string> = Object.create(null);
    for (const [name, value] of passedHeaders(incoming.rawHeaders)) {
      const key = name.toLowerCase();
      headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
    }
    // Read for every method: a GET may carry a body too, and what is passed on is framed anew (see forwardedHeaders).
    const read = await readRequestBody(incoming);
    const requestBody = read.whole && read.size > 0 ? Buffer.concat(read.chunks, read.size) : undefined;
    /** Hands the exchange to the recorder, if any: the request as sent on, the answer as the client got it. */
    const record = (
      answer: {
        status: number;
        statusText: string;
        headers: [string, string][];
        body: Buffer | (() => Buffer | undefined) | undefined;
        size: number;
      },
      sent = started,
      waited = sent,
      received = waited,
    ): void => {
      if (!options.recorder) return;
      options.recorder.record({
        startedAt,
        timings: { send: sent - started, wait: waited - sent, receive: received - waited },
        request: {
          method,
          url: target.href,
          httpVersion: `HTTP/${incoming.httpVersion}`,
          headers: passedHeaders(incoming.rawHeaders),
          body: requestBody,
        },
        response: {
          ...answer,
          httpVersion: 'HTTP/1.1',
          body: typeof answer.body === 'function' ? answer.body() : answer.body,
        },
      });
    };

    // The request, checked as the mock checks it (request-check.ts); for execute, against the connector's definition.
    const {
      match,
      operation,
      operationName,
      problems: requestProblems,
      execute: executeCheck,
    } = checkRequest(
      { api, method, path, query, headers, body: requestBody, whole: read.whole, origin: target.origin },
      { directory, warn },
    );
    // Strict refuses before anything leaves: the connector's definition is needed first.
    if (options.strict) await executeCheck;
    // Each problem once per exchange: the spec's schema and the connector's definition may both find one field.
    const reported = new Set<string>();
    const violation = (direction: Violation['direction'], v: ResponseViolation, requestId: string | null) =>
      !reported.has(`${direction} ${v.pointer}`) &&
      reported.add(`${direction} ${v.pointer}`) &&
      report.add({ operation: operationName, direction, pointer: v.pointer, message: v.message, requestId });

    if (options.strict && requestProblems.length > 0) {
      const requestId = crypto.randomUUID();
      for (const problem of requestProblems) violation('request', problem, requestId);
      const status = api === 'airbyte-api-v1' ? 400 : 422; // the v1 API documents no 422
      const made = errorBody(
        api,
        status,
        `Validation failed (agent-engine-kit proxy, --strict): ${requestProblems.map((p) => `${p.pointer} ${p.message}`).join('; ')}`,
        requestProblems.map((p) => ({ field: p.pointer, message: p.message, error_code: 'spec_violation' })),
      );
      const text = Buffer.from(JSON.stringify(made.body));
      const answerHeaders: [string, string][] = [
        ['content-type', made.mediaType],
        ['content-length', String(text.length)],
        ['x-request-id', requestId],
      ];
      outgoing.writeHead(status, answerHeaders.flat());
      outgoing.end(text);
      report.count(operationName, status);
      record({ status, statusText: 'Unprocessable Entity', headers: answerHeaders, body: text, size: text.length });
      options.log?.(`${method} ${path} ${status} refused (strict) ${(performance.now() - started).toFixed(1)} ms`);
      return;
    }

    // On to the upstream.
    // The body is framed anew: its length when it was read whole, chunked when it streams on (a Transfer-Encoding of the
    // client's is hop-by-hop and never passed on, so a body without new framing would run into the next request).
    const upstreamHeaders: Record<string, string> = { ...headers, host: target.host };
    delete upstreamHeaders['content-length'];
    if (read.whole) {
      if (read.size > 0 || headers['content-length'] !== undefined)
        upstreamHeaders['content-length'] = String(read.size);
    } else upstreamHeaders['transfer-encoding'] = 'chunked';
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const upstreamRequest = send(target, {
      method,
      headers: upstreamHeaders,
      agent: target.protocol === 'https:' ? agents.https : agents.http,
    });
    const clientGone = () => outgoing.destroyed && !outgoing.writableFinished;
    outgoing.on('close', () => {
      // With an error: destroyed without one, the request would never settle (no answer, no 'error').
      if (!outgoing.writableFinished) upstreamRequest.destroy(new Error('the client went away'));
    });
    // An upstream silent this long is given up (a 502), so that the proxy never waits on it forever.
    upstreamRequest.setTimeout(UPSTREAM_IDLE_MS, () => upstreamRequest.destroy(new Error('timed out')));
    const sent = performance.now();
    const answer = new Promise<IncomingMessage>((resolve, reject) => {
      upstreamRequest.on('response', resolve);
      upstreamRequest.on('error', reject);
      upstreamRequest.on('close', () => reject(new Error('closed without an answer')));
    });
    for (const chunk of read.chunks) upstreamRequest.write(chunk);
    if (read.whole) upstreamRequest.end();
    else {
      incoming.pipe(upstreamRequest);
      incoming.resume();
    }
    let response: IncomingMessage;
    try {
      response = await answer;
    } catch (error) {
      await executeCheck;
      for (const problem of requestProblems) violation('request', problem, null);
      // The client that went away is no failure of the upstream's.
      if (clientGone()) return void report.count(operationName, 'client closed');
      const code = (error as { code?: string }).code ?? 'no answer';
      const message = `The upstream at ${target.origin} did not answer (${code}).`;
      warn(`proxy: ${operationName}: ${message}`);
      if (!outgoing.headersSent) {
        const made = errorBody(api, 502, message);
        outgoing.writeHead(502, { 'content-type': made.mediaType });
        outgoing.end(JSON.stringify(made.body));
      }
      report.count(operationName, 502);
      return;
    }
    const waited = performance.now();
    const status = response.statusCode ?? 502;
    const requestId = (response.headers['x-request-id'] as string | undefined) ?? null;
    const mediaType = mediaTypeOf(response.headers['content-type']);
    const json = isJsonMediaType(mediaType);
    // Via (RFC 9110): a proxy says it was here; the comment names the upstream, so that `verify` pointed at the proxy on
    // loopback knows it reaches a real API behind it and does not write by default.
    const answerHeaders = passedHeaders(response.rawHeaders);
    answerHeaders.push(['via', `1.1 agent-engine-kit-proxy (upstream ${target.origin})`]);
    const keepUpTo = json ? MAX_CHECKED_ANSWER_BYTES : options.recorder ? MAX_RECORDED_BINARY_BYTES : 0;
    const kept: Buffer[] = [];
    let keptBytes = 0;
    let size = 0;
    let overflow = false;
    // Strict, and the status or the media type alone breaks the spec: the answer is refused without its body.
    const early =
      options.strict && operation && !json
        ? responseViolations(validators[api], operation, status, mediaType, undefined, { hasBody: true })
        : [];
    if (early.length > 0) {
      response.resume();
      await executeCheck;
      for (const problem of requestProblems) violation('request', problem, requestId);
      for (const problem of early) violation('response', problem, requestId);
      const text = badAnswer(api, status, early, requestId, outgoing);
      report.count(operationName, 502);
      const headers: [string, string][] = [['content-type', 'application/json']];
      const body = Buffer.from(text);
      record(
        { status: 502, statusText: 'Bad Gateway', headers, body, size: body.length },
        sent,
        waited,
        performance.now(),
      );
      return;
    }
    const buffering = Boolean(options.strict && json && operation);
    const streamed = new Promise<void>((resolve, reject) => {
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (keptBytes + chunk.length <= keepUpTo) {
          kept.push(chunk);
          keptBytes += chunk.length;
        } else overflow = true; // JSON too large to check, or bytes too many to record: neither is kept
        if (buffering && overflow && !outgoing.headersSent) {
          // Too large to hold back for a check: what was held goes on, this chunk, then the rest streams unchecked.
          outgoing.writeHead(status, response.statusMessage ?? '', answerHeaders.flat());
          for (const held of kept) outgoing.write(held);
          outgoing.write(chunk);
          response.pipe(outgoing);
        }
      });
      response.on('end', resolve);
      response.on('error', reject);
      response.on('close', () => {
        if (!response.complete) reject(new Error('the answer stopped before its end'));
      });
      if (!buffering) {
        outgoing.writeHead(status, response.statusMessage ?? '', answerHeaders.flat());
        response.pipe(outgoing);
      }
    });
    try {
      await streamed;
    } catch {
      // Cut short: by the client that went away, or by the upstream mid-answer. Counted and said, never checked.
      await executeCheck;
      for (const problem of requestProblems) violation('request', problem, requestId);
      if (clientGone()) return void report.count(operationName, 'client closed');
      warn(`proxy: ${operationName}: the upstream's answer (${status}) stopped before its end`);
      if (outgoing.headersSent) outgoing.destroy();
      else {
        const made = errorBody(api, 502, `The upstream's answer (${status}) stopped before its end.`);
        outgoing.writeHead(502, { 'content-type': made.mediaType });
        outgoing.end(JSON.stringify(made.body));
      }
      return void report.count(operationName, 'cut short');
    }
    const received = performance.now();
    let joined: Buffer | undefined;
    /** The answer's bytes in one buffer, joined once (for the check and the recording alike). */
    const whole = () => (joined ??= kept.length === 1 ? kept[0]! : Buffer.concat(kept, keptBytes));

    // Passed on: the check waits until the client has every byte (it never delays an answer it does not block).
    if (!buffering)
      await new Promise<void>((resolve) => {
        if (outgoing.writableFinished || outgoing.destroyed) return resolve();
        outgoing.once('finish', resolve);
        outgoing.once('close', resolve);
      });
    // The request's problems (the execute check may have waited for the connector's definition), then the answer's:
    // the HTTP spec's side, then the connector definition's.
    const execute = await executeCheck;
    for (const problem of requestProblems) violation('request', problem, requestId);
    const problems: ResponseViolation[] = [];
    if (operation && !(json && overflow)) {
      // What the proxy learns connectors from is parsed here; everything else may be checked in the worker.
      const learns = LEARNED_FROM.has(operation.operationId);
      const {
        problems: found,
        body,
        unchecked: why,
      } = await checker.check(
        {
          api,
          operationId: operation.operationId,
          status,
          mediaType,
          encoding: response.headers['content-encoding'] as string | undefined,
          bytes: json && size > 0 ? whole() : undefined,
          size,
          ...(execute ? { execute } : {}),
        },
        learns,
      );
      problems.push(...found);
      if (why) warn(`proxy: ${operation.operationId}: an answer passed on unchecked: ${why}`);
      if (learns) directory.learn(operation.operationId, status, body);
      if (operation.operationId === 'delete_integrations_connectors_id' && status < 300)
        directory.forget(String(match!.params.id));
    } else if (operation && overflow && json)
      warn(`proxy: ${operation.operationId}: an answer over ${MAX_CHECKED_ANSWER_BYTES} bytes passed on unchecked`);
    for (const problem of problems) violation('response', problem, requestId);

    let finalStatus = status;
    if (buffering && !outgoing.headersSent) {
      if (problems.length > 0) {
        finalStatus = 502;
        badAnswer(api, status, problems, requestId, outgoing);
      } else {
        outgoing.writeHead(status, response.statusMessage ?? '', answerHeaders.flat());
        outgoing.end(whole());
      }
    }
    report.count(operationName, finalStatus);
    record(
      {
        status,
        statusText: response.statusMessage ?? '',
        headers: answerHeaders,
        body: () => (overflow ? undefined : whole()),
        size,
      },
      sent,
      waited,
      received,
    );
    options.log?.(`${method} ${path} ${finalStatus} ${(performance.now() - started).toFixed(1)} ms`);
  }

  /** The 502 a strict proxy answers instead of an answer that breaks the spec, naming each violation. */
  function badAnswer(
    api: SpecName,
    status: number,
    problems: ResponseViolation[],
    requestId: string | null,
    outgoing: ServerResponse,
  ): string {
    const made = errorBody(
      api,
      502,
      `The upstream's answer (${status}) breaks the spec (agent-engine-kit proxy, --strict): ${problems
        .slice(0, 5)
        .map((p) => `${p.pointer} ${p.message}`)
        .join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`,
      problems.map((p) => ({ field: p.pointer, message: p.message, error_code: 'spec_violation' })),
    );
    const text = JSON.stringify(made.body);
    outgoing.writeHead(502, {
      'content-type': made.mediaType,
      'content-length': String(Buffer.byteLength(text)),
      ...(requestId ? { 'x-request-id': requestId } : {}),
    });
    outgoing.end(text);
    return text;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PROXY_PORT, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${host}:${address.port}`,
    report,
    async close() {
      const closed = new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      // The exchanges under way end, or are cut after the grace: a stuck upstream never keeps the reports unwritten.
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, options.closeGraceMs ?? CLOSE_GRACE_MS);
      });
      await Promise.race([Promise.allSettled([...pending, closed]), grace]);
      clearTimeout(timer);
      server.closeAllConnections();
      for (const agent of [agents.http, agents.https]) agent.destroy();
      await Promise.race([Promise.allSettled([...pending]), new Promise((resolve) => setTimeout(resolve, 200))]);
      await checker.close();
      options.recorder?.close();
    },
  };
}
