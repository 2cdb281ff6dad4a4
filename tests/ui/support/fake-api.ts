/**
 * A fake API server at the HTTP boundary: it replaces `fetch`, which Taro.request uses in the h5
 * runtime, so the app's own client (headers, retries, refresh) runs for real in every test.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  /** The query string's parameters, e.g. `{ category: 'theory', cursor: 'c2' }`. */
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

export type FakeReply =
  | { status: number; body?: unknown }
  | { networkError: true }
  | { pending: Promise<{ status: number; body?: unknown }> };

type Replier = FakeReply | ((request: RecordedRequest) => FakeReply);

interface Route {
  method: string;
  path: string;
  replies: Replier[];
  calls: number;
}

export const networkError: FakeReply = { networkError: true };

export function reply(status: number, body?: unknown): FakeReply {
  return { status, body };
}

export function errorReply(status: number, code: string, message: string, details?: Record<string, unknown>) {
  return reply(status, details ? { code, message, details } : { code, message });
}

function fetchResponse(status: number, body: unknown) {
  const headers = new Map([['content-type', 'application/json; charset=utf-8']]);
  return {
    ok: status >= 200 && status < 300,
    status,
    headers,
    json: async () => (body === undefined ? null : body),
    text: async () => (body === undefined ? '' : JSON.stringify(body)),
  };
}

function headerRecord(headers: unknown): Record<string, string> {
  const record: Record<string, string> = {};
  Object.entries((headers ?? {}) as Record<string, string>).forEach(([key, value]) => {
    record[key.toLowerCase()] = value;
  });
  return record;
}

export class FakeApi {
  readonly requests: RecordedRequest[] = [];
  private readonly routes: Route[] = [];

  /** Replies to `method path` with the replies in order; the last one repeats. */
  on(method: string, path: string, ...replies: Replier[]): this {
    this.routes.unshift({ method, path, replies, calls: 0 });
    return this;
  }

  requestsTo(method: string, path: string): RecordedRequest[] {
    return this.requests.filter((request) => request.method === method && request.path === path);
  }

  install(): void {
    const fetchMock = jest.fn(async (url: string, init: { method?: string; headers?: unknown; body?: string }) => {
      const parsed = new URL(url, 'http://localhost');
      const request: RecordedRequest = {
        method: (init.method ?? 'GET').toUpperCase(),
        path: parsed.pathname,
        query: Object.fromEntries(parsed.searchParams.entries()),
        headers: headerRecord(init.headers),
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      };
      this.requests.push(request);
      const route = this.routes.find((candidate) => candidate.method === request.method && candidate.path === request.path);
      if (!route) {
        return fetchResponse(404, { code: 'not_found', message: '内容不存在或已删除' });
      }
      const replier = route.replies[Math.min(route.calls, route.replies.length - 1)];
      route.calls += 1;
      const answer = typeof replier === 'function' ? replier(request) : replier;
      if ('networkError' in answer) throw new TypeError('Failed to fetch');
      const settled = 'pending' in answer ? await answer.pending : answer;
      return fetchResponse(settled.status, settled.body);
    });
    Object.assign(globalThis, { fetch: fetchMock });
  }
}

/** A fake server, installed as `fetch` for the current test. */
export function fakeApi(): FakeApi {
  const api = new FakeApi();
  api.install();
  return api;
}
