import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for api.weixin.qq.com that answers `jscode2session` the way WeChat does,
 * chosen by the code: `ok:<openid>` succeeds; `err:<errcode>` returns that errcode;
 * `http:<status>` fails at the HTTP level; `hang` never answers; `junk` returns non-JSON.
 */
export interface FakeWechat {
  baseUrl: string;
  requests: { path: string; query: Record<string, string> }[];
  close(): Promise<void>;
}

export async function startFakeWechat(): Promise<FakeWechat> {
  const requests: FakeWechat['requests'] = [];
  const hanging: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push({ path: url.pathname, query: Object.fromEntries(url.searchParams) });
    if (url.pathname !== '/sns/jscode2session') {
      res.writeHead(404).end();
      return;
    }
    const code = url.searchParams.get('js_code') ?? '';
    const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (code.startsWith('ok:')) {
      json({ openid: code.slice(3), session_key: 'c2Vzc2lvbi1rZXk=', unionid: `union-${code.slice(3)}` });
    } else if (code.startsWith('err:')) {
      json({ errcode: Number(code.slice(4)), errmsg: 'fake error' });
    } else if (code.startsWith('http:')) {
      res.writeHead(Number(code.slice(5))).end('upstream error');
    } else if (code === 'hang') {
      hanging.push(res);
    } else if (code === 'junk') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>not json</html>');
    } else {
      json({ errcode: 40029, errmsg: 'invalid code' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
