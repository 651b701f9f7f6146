// What a Content-Type says, read one way everywhere (the mock's limits and response check, the proxy, the recorder).

/** JSON, or a JSON-based type (`application/problem+json`), with or without parameters, in any case. */
const JSON_MEDIA_TYPE = /^\s*application\/([\w.+-]+\+)?json\s*(;|$)/i;

export const isJsonMediaType = (contentType: string | undefined): boolean =>
  contentType !== undefined && JSON_MEDIA_TYPE.test(contentType);

/** The media type alone: lower case, without parameters; undefined for none. */
export const mediaTypeOf = (contentType: string | string[] | undefined): string | undefined =>
  (Array.isArray(contentType) ? contentType[0] : contentType)?.split(';')[0]?.trim().toLowerCase() || undefined;
