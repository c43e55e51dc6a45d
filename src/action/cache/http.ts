/**
 * HTTP for the cache, the artifact upload and the REST listing, on `node:http`/`node:https` alone.
 * `@actions/http-client` brought undici (~1 MB of code compiled cold in the first step of every
 * job, ~35 ms) for what is here a handful of requests.
 *
 * Proxies are honoured as `@actions/http-client` honours them (its `getProxyUrl`/`checkBypass`):
 * `https_proxy`/`HTTPS_PROXY` for https URLs, `http_proxy`/`HTTP_PROXY` for http ones, a proxy URL
 * without a scheme read as `http://`, credentials in it sent as Basic `Proxy-Authorization`;
 * `no_proxy`/`NO_PROXY` (`*`, host, `host:port`, `.domain` and domain suffixes) and loopback hosts
 * go direct. As its `tunnel` agents do, every proxied request goes through a CONNECT tunnel.
 */
import http, { type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import tls from 'node:tls';

/** The proxy `url` goes through, or undefined for a direct connection. */
export function proxyFor(url: URL, env: NodeJS.ProcessEnv = process.env): URL | undefined {
  if (bypassesProxy(url, env)) return undefined;
  const value =
    url.protocol === 'https:'
      ? env['https_proxy'] || env['HTTPS_PROXY']
      : env['http_proxy'] || env['HTTP_PROXY'];
  if (!value) return undefined;
  // `proxy.corp:3128` parses as a URL of scheme `proxy.corp:`: read it as http:// (the client
  // would have failed on it).
  const withScheme = /^https?:\/\//i.test(value) ? value : `http://${value}`;
  try {
    return new URL(withScheme);
  } catch {
    return undefined;
  }
}

function bypassesProxy(url: URL, env: NodeJS.ProcessEnv): boolean {
  const host = url.hostname.toLowerCase();
  if (!host) return false;
  if (
    host === 'localhost' ||
    host.startsWith('127.') ||
    host.startsWith('[::1]') ||
    host.startsWith('[0:0:0:0:0:0:0:1]')
  ) {
    return true;
  }
  const noProxy = env['no_proxy'] || env['NO_PROXY'] || '';
  if (!noProxy) return false;
  const port = url.port ? Number(url.port) : url.protocol === 'http:' ? 80 : 443;
  const hosts = [host.toUpperCase(), `${host.toUpperCase()}:${port}`];
  return noProxy
    .split(',')
    .map((x) => x.trim().toUpperCase())
    .filter((x) => x !== '')
    .some(
      (item) =>
        item === '*' ||
        hosts.some(
          (h) => h === item || h.endsWith(`.${item}`) || (item.startsWith('.') && h.endsWith(item)),
        ),
    );
}

export interface RequestOptions {
  method?: string;
  headers?: OutgoingHttpHeaders;
  body?: string | Buffer;
  /** Aborts the request (and destroys its response). */
  signal?: AbortSignal;
  /** Socket inactivity bound. */
  timeoutMs?: number;
  /** The proxy to use; default: from the environment (`proxyFor`). null: direct. */
  proxy?: URL | null;
}

/** One request on a connection of its own (no keep-alive): resolves with the response head. */
export async function request(
  target: string | URL,
  o: RequestOptions = {},
): Promise<IncomingMessage> {
  const url = typeof target === 'string' ? new URL(target) : target;
  const secure = url.protocol === 'https:';
  const proxy = o.proxy === undefined ? proxyFor(url) : o.proxy;
  const socket = proxy ? await tunnel(proxy, url, o.signal) : undefined;
  const headers: OutgoingHttpHeaders = { ...o.headers };
  if (o.body !== undefined) headers['content-length'] = Buffer.byteLength(o.body);
  return new Promise<IncomingMessage>((resolve, reject) => {
    const options: https.RequestOptions = {
      method: o.method ?? 'GET',
      headers,
      agent: false,
      ...(o.signal ? { signal: o.signal } : {}),
      ...(o.timeoutMs ? { timeout: o.timeoutMs } : {}),
      ...(socket
        ? {
            createConnection: () =>
              secure ? tls.connect({ socket, servername: url.hostname }) : socket,
          }
        : {}),
    };
    const req = (secure ? https : http).request(url, options, resolve);
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url.host} in time`)));
    req.end(o.body);
  });
}

/** A CONNECT tunnel through `proxy` to the host of `url`. */
function tunnel(proxy: URL, url: URL, signal?: AbortSignal): Promise<Socket> {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const headers: OutgoingHttpHeaders = { host: `${url.hostname}:${port}` };
  if (proxy.username || proxy.password) {
    const user = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    headers['proxy-authorization'] = `Basic ${Buffer.from(user).toString('base64')}`;
  }
  return new Promise<Socket>((resolve, reject) => {
    const req = (proxy.protocol === 'https:' ? https : http).request({
      host: proxy.hostname,
      port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
      method: 'CONNECT',
      path: `${url.hostname}:${port}`,
      headers,
      agent: false,
      ...(signal ? { signal } : {}),
    });
    req.once('connect', (res, socket) => {
      if (res.statusCode === 200) return resolve(socket);
      socket.destroy();
      reject(new Error(`the proxy ${proxy.host} refused the tunnel (HTTP ${res.statusCode})`));
    });
    req.once('error', reject);
    req.end();
  });
}

/** The response body as text; a body over `maxBytes` is an error. */
export async function readText(res: IncomingMessage, maxBytes = 16 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      res.destroy();
      throw new Error(`the answer is over ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
