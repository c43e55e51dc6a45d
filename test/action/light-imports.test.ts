// The first step of a job compiles every package it loads cold (no compile cache yet). The cache,
// artifact and REST calls are made with node:http (cache/http.ts) so that the official clients
// and the Azure storage SDK (~4 MB of code, ~150 ms cold) stay out of a Linux job: a guard
// against an import bringing them back. `@actions/cache` stays only as history.ts's fallback.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ACTION = path.join(import.meta.dirname, '../../src/action');
const files = readdirSync(ACTION, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: readFileSync(path.join(ACTION, f), 'utf8') }));
const imports = (text: string): string[] =>
  [...text.matchAll(/(?:from\s+|import\s*\(\s*)'([^']+)'/g)].map((m) => m[1]!);

describe('src/action loads no heavy client', () => {
  it.each(['@actions/artifact', '@actions/http-client', '@azure/storage-blob', 'undici'])(
    'nothing imports %s',
    (pkg) => {
      const users = files.filter(({ text }) => imports(text).some((i) => i.startsWith(pkg)));
      expect(users.map((u) => u.file)).toEqual([]);
    },
  );

  it('@actions/cache only as the save fallback of history.ts, loaded lazily', () => {
    const users = files.filter(({ text }) => imports(text).includes('@actions/cache'));
    expect(users.map((u) => u.file)).toEqual(['history.ts']);
    const history = users[0]!.text;
    expect(history).not.toMatch(/from\s+'@actions\/cache'/);
  });

  it('@actions/github only for the PR comment', () => {
    const users = files.filter(({ text }) => imports(text).includes('@actions/github'));
    expect(users.map((u) => u.file)).toEqual(['comment.ts']);
  });
});
