// The curl lines `verify --fuzz [--stateful]` prints for a failure, run as a shell would run them, through a fetch (a
// mock with or without a defect): `$TOKEN` a fresh application token of the demo credentials, a line
// `SCOPED_TOKEN=$(curl ... | jq -r .token)` minting what later lines send as `$SCOPED_TOKEN`, a literal token sent as
// printed, `--data-raw` the body. What the tests use to show that a reproduction, sent again, fails again.
import type { Fetch } from './seeded-defects.js';

export const DEMO_CREDENTIALS = { clientId: 'demo-client-id', clientSecret: 'demo-client-secret' };

/** A fresh application token of the demo credentials, from the Agent Engine API at `base`. */
export async function applicationToken(fetch: Fetch, base: string): Promise<string> {
  const answer = await fetch(`${base}/api/v1/account/applications/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: DEMO_CREDENTIALS.clientId, client_secret: DEMO_CREDENTIALS.clientSecret }),
  });
  return ((await answer.json()) as { access_token: string }).access_token;
}

/** Runs the reproduction's lines in order; answers the last request's status and body. */
export async function replayCurl(
  fetch: Fetch,
  reproduction: string,
  base: string,
): Promise<{ status: number; text: string }> {
  const vars: Record<string, string> = { TOKEN: await applicationToken(fetch, base) };
  let last = { status: 0, text: '' };
  for (const command of reproduction.split(/\n(?=(?:\w+=\$\()?curl )/)) {
    const assign = /^(\w+)=\$\(/.exec(command)?.[1];
    const [, method, url] = /curl (?:-s )?-X (\w+) '([^']+)'/.exec(command)!;
    const header = /-H (?:"Authorization: Bearer ([^"]+)"|'Authorization: Bearer ([^']+)')/.exec(command);
    const bearer = header?.[1] ?? header?.[2];
    const token = bearer?.startsWith('$') ? vars[bearer.slice(1)] : bearer;
    const body = /--data-raw '((?:[^']|'\\'')*)'/.exec(command)?.[1]?.replaceAll(`'\\''`, "'");
    const response = await fetch(url!, {
      method: method!,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body }),
    });
    last = { status: response.status, text: await response.text() };
    if (assign) vars[assign] = (JSON.parse(last.text) as { token: string }).token;
  }
  return last;
}
