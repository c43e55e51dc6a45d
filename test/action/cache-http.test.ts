// The cache's own HTTP (node:http instead of @actions/http-client): proxies chosen as the client
// chose them, and requests really tunnelled through a loopback CONNECT proxy.
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Deadline, downloadArchive } from '../../src/action/cache/download.js';
import { proxyFor, readText, request } from '../../src/action/cache/http.js';
import { listen, type RunningServer } from '../fakes/http.js';

describe('proxyFor (as @actions/http-client getProxyUrl/checkBypass)', () => {
  const u = (s: string) => new URL(s);
  it('uses HTTPS_PROXY for https and HTTP_PROXY for http, lower case first', () => {
    const env = { HTTPS_PROXY: 'http://p:3128', http_proxy: 'http://q:8080' };
    expect(proxyFor(u('https://results.example/x'), env)?.href).toBe('http://p:3128/');
    expect(proxyFor(u('http://results.example/x'), env)?.href).toBe('http://q:8080/');
    expect(
      proxyFor(u('https://a.example'), { https_proxy: 'http://l:1', HTTPS_PROXY: 'http://u:2' })
        ?.host,
    ).toBe('l:1');
  });
  it('reads a proxy without a scheme as http://', () => {
    expect(proxyFor(u('https://a.example'), { HTTPS_PROXY: 'proxy.corp:3128' })?.href).toBe(
      'http://proxy.corp:3128/',
    );
  });
  it('goes direct for loopback hosts and NO_PROXY matches', () => {
    const env = {
      HTTPS_PROXY: 'http://p:3128',
      NO_PROXY: 'internal.example, .blob.example,x:8443',
    };
    expect(proxyFor(u('https://localhost:9/x'), env)).toBeUndefined();
    expect(proxyFor(u('https://127.0.0.1:9/x'), env)).toBeUndefined();
    expect(proxyFor(u('https://internal.example/x'), env)).toBeUndefined();
    expect(proxyFor(u('https://cache.internal.example/x'), env)).toBeUndefined();
    expect(proxyFor(u('https://acct.blob.example/x'), env)).toBeUndefined();
    expect(proxyFor(u('https://x:8443/'), env)).toBeUndefined();
    expect(proxyFor(u('https://x/'), env)?.host).toBe('p:3128');
    expect(proxyFor(u('https://notinternal.example/x'), env)?.host).toBe('p:3128');
    expect(proxyFor(u('https://a.example'), { HTTPS_PROXY: 'http://p:1', no_proxy: '*' })).toBe(
      undefined,
    );
  });
  it('no proxy variable: direct', () => {
    expect(proxyFor(u('https://a.example'), {})).toBeUndefined();
  });
});

describe('request through a CONNECT proxy', () => {
  const servers: Array<{ close(): Promise<void> | void }> = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });

  async function connectProxy(answer = 200) {
    const seen: Array<{ target: string; auth: string | undefined }> = [];
    const proxy = http.createServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req, client: net.Socket, head: Buffer) => {
      seen.push({ target: req.url ?? '', auth: req.headers['proxy-authorization'] });
      if (answer !== 200) {
        client.end(`HTTP/1.1 ${answer} Proxy Authentication Required\r\n\r\n`);
        return;
      }
      const [host, port] = (req.url ?? '').split(':');
      const upstream = net.connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    servers.push({
      close: () =>
        new Promise<void>((r) => {
          proxy.closeAllConnections();
          proxy.close(() => r());
        }),
    });
    const { port } = proxy.address() as AddressInfo;
    return { url: new URL(`http://user:p%40ss@127.0.0.1:${port}`), seen };
  }

  async function target(): Promise<RunningServer> {
    const t = await listen(async (req, res) => {
      let body = '';
      for await (const c of req) body += String(c);
      res.writeHead(201, { 'content-type': 'text/plain' }).end(`${req.method} ${req.url} ${body}`);
    });
    servers.push(t);
    return t;
  }

  it('tunnels the request and sends the proxy credentials', async () => {
    const t = await target();
    const proxy = await connectProxy();
    const res = await request(`${t.origin}/twirp/x?y=1`, {
      method: 'POST',
      body: '{"a":1}',
      proxy: proxy.url,
    });
    expect(res.statusCode).toBe(201);
    expect(await readText(res)).toBe('POST /twirp/x?y=1 {"a":1}');
    expect(proxy.seen).toEqual([
      {
        target: new URL(t.origin).host,
        auth: `Basic ${Buffer.from('user:p@ss').toString('base64')}`,
      },
    ]);
  });

  it('a proxy that refuses the tunnel is an error naming it', async () => {
    const t = await target();
    const proxy = await connectProxy(407);
    await expect(request(`${t.origin}/`, { proxy: proxy.url })).rejects.toThrow(/HTTP 407/);
  });

  it('direct when no proxy applies', async () => {
    const t = await target();
    const res = await request(`${t.origin}/direct`, { proxy: null });
    expect(await readText(res)).toBe('GET /direct ');
  });
});

describe('downloadArchive', () => {
  it('follows a redirect to the blob, as @actions/http-client did', async () => {
    const blob = await listen((req, res) => {
      if (req.url === '/entry') return void res.writeHead(302, { location: '/blob?sig=1' }).end();
      res.writeHead(200, { 'content-length': '5' }).end('bytes');
    });
    const deadline = new Deadline(10_000);
    try {
      const archive = await downloadArchive(`${blob.origin}/entry`, deadline, 1024);
      expect(archive.statusCode).toBe(200);
      expect(await readText(archive)).toBe('bytes');
    } finally {
      deadline.dispose();
      await blob.close();
    }
  });
});
