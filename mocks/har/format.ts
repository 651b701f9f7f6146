// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), the subset the proxy writes (`proxy --record`) and the
// mock reads back (`mock --replay`): what browser devtools, Polly.js and MSW's HAR tooling read too. Bodies are text
// (`content.text`, `postData.text`), base64 where `content.encoding` says so.

/** What every redacted secret is replaced with, in headers, bodies, URLs and comments alike. */
export const REDACTED = '[REDACTED]';

/** The `creator.name` of files the proxy writes. */
export const HAR_CREATOR = 'agent-engine-kit';

export interface HarNameValue {
  name: string;
  value: string;
  comment?: string;
}

export interface HarPostData {
  mimeType: string;
  text: string;
  params?: HarNameValue[];
  comment?: string;
}

export interface HarRequest {
  method: string;
  /** Absolute: the upstream's URL (`https://api.airbyte.ai/api/v1/...`), never the proxy's. */
  url: string;
  httpVersion: string;
  cookies: HarNameValue[];
  headers: HarNameValue[];
  queryString: HarNameValue[];
  postData?: HarPostData;
  /** -1 when unknown. */
  headersSize: number;
  bodySize: number;
  comment?: string;
}

export interface HarContent {
  /** The body's length in bytes as received (also when `text` is left out). */
  size: number;
  compression?: number;
  mimeType: string;
  /** Left out when the body was not kept (larger than the recorder keeps); `comment` then says so. */
  text?: string;
  encoding?: 'base64';
  comment?: string;
}

export interface HarResponse {
  status: number;
  statusText: string;
  httpVersion: string;
  cookies: HarNameValue[];
  headers: HarNameValue[];
  content: HarContent;
  redirectURL: string;
  headersSize: number;
  bodySize: number;
  comment?: string;
}

export interface HarTimings {
  blocked?: number;
  dns?: number;
  connect?: number;
  send: number;
  wait: number;
  receive: number;
  ssl?: number;
}

/** One request and its answer: what the proxy writes per exchange, and what a replay reads. */
export interface HarEntry {
  /** The page the request belongs to (browsers' recordings); none in the proxy's. */
  pageref?: string;
  /** ISO 8601 with milliseconds and a zone. */
  startedDateTime: string;
  /** Total milliseconds (the sum of the timings that are not -1). */
  time: number;
  /** The request as sent to the upstream, secrets redacted. */
  request: HarRequest;
  /** The answer as passed on, secrets redacted. */
  response: HarResponse;
  /** What a browser's cache did; always empty here. */
  cache: Record<string, never>;
  /** Where the time went: sending, waiting for the first byte, receiving. */
  timings: HarTimings;
  /** The upstream's address, where known. */
  serverIPAddress?: string;
  /** The connection's id, where known. */
  connection?: string;
  /** A note: a body left out, a body dropped as unreadable. */
  comment?: string;
}

export interface HarLog {
  version: '1.2';
  creator: { name: string; version: string; comment?: string };
  browser?: { name: string; version: string };
  pages?: unknown[];
  entries: HarEntry[];
  comment?: string;
}

/** A HAR 1.2 document: `agent-engine-kit proxy --record` writes one, `mock --replay` (the `replay` option) reads one. */
export interface Har {
  /** The recording: who wrote it, and its entries in order. */
  log: HarLog;
}
