/**
 * The runner has ONE results service (ACTIONS_RESULTS_URL) behind both the cache and the artifact
 * clients. This front routes Twirp calls by service name to the cache fake and the artifact fake,
 * which keep their own blob endpoints (signed URLs are absolute, so blob traffic goes direct).
 */
import http from 'node:http';
import { start as startArtifacts, type FakeArtifactService } from './artifact-service.js';
import { start as startCache, type FakeCacheService, listActionsCaches } from './cache-service.js';
import { start as startApi, type FakeGitHubApi } from './github-api.js';
import { listen, type RunningServer } from './http.js';

export interface FakeGitHub {
  /** ACTIONS_RESULTS_URL, with the trailing slash the runner gives it. */
  resultsUrl: string;
  runtimeToken: string;
  cache: FakeCacheService;
  artifacts: FakeArtifactService;
  api: FakeGitHubApi;
  /** The service variables a job's steps get from the runner. */
  env(): Record<string, string>;
  stop(): Promise<void>;
}

function forward(target: string, req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? '/', target);
  const upstream = http.request(
    url,
    { method: req.method, headers: { ...req.headers, host: url.host } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502).end();
    else res.destroy();
  });
  req.pipe(upstream);
}

export async function startFakeGitHub(): Promise<FakeGitHub> {
  const artifacts = await startArtifacts();
  const cache = await startCache({ token: artifacts.runtimeToken });
  const api = await startApi({
    cacheEntries: () => listActionsCaches(cache.entries, {}).actions_caches,
    onDeleteCache: (entry) => {
      const i = cache.entries.findIndex((e) => e.id === entry.id);
      if (i >= 0) cache.entries.splice(i, 1);
    },
  });
  const front: RunningServer = await listen((req, res) => {
    const target = (req.url ?? '').includes('.ArtifactService/') ? artifacts.url : cache.url;
    forward(target, req, res);
  });
  return {
    resultsUrl: `${front.origin}/`,
    runtimeToken: artifacts.runtimeToken,
    cache,
    artifacts,
    api,
    env: () => ({
      ACTIONS_RESULTS_URL: `${front.origin}/`,
      ACTIONS_RUNTIME_TOKEN: artifacts.runtimeToken,
      ACTIONS_CACHE_SERVICE_V2: 'true',
      GITHUB_API_URL: api.url,
    }),
    stop: async () => {
      await front.close();
      await Promise.all([api.stop(), cache.stop(), artifacts.stop()]);
    },
  };
}
