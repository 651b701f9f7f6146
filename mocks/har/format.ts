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

export interface HarEntry {
  pageref?: string;
  /** ISO 8601 with milliseconds and a zone. */
  startedDateTime: string;
  /** Total milliseconds (the sum of the timings that are not -1). */
  time: number;
  request: HarRequest;
  response: HarResponse;
  cache: Record<string, never>;
  timings: HarTimings;
  serverIPAddress?: string;
  connection?: string;
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

export interface Har {
  log: HarLog;
}
