// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are whatever the API sent; tests assert on them
export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  /** Who calls: a signed-in user (Bearer access token); omit for an anonymous call. */
  user?: { accessToken: string };
  /** `<keyId>.<secret>`, sent as `Authorization: ApiKey …` instead of a user's token. */
  apiKey?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/** A JSON request, as `options.user` (or its API key) when given. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function call<T = any>(baseUrl: string, method: string, path: string, options: RequestOptions = {}): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.user) headers['authorization'] = `Bearer ${options.user.accessToken}`;
  if (options.apiKey !== undefined) headers['authorization'] = `ApiKey ${options.apiKey}`;
  let payload: string | undefined = options.rawBody;
  if (options.body !== undefined) payload = JSON.stringify(options.body);
  if (payload !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(baseUrl + path, { method, headers, body: payload });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // Not JSON: keep the text, the test will say so.
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

/** Polls until `probe` returns a value (read models are eventually consistent). */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('Timed out waiting for the read model');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
