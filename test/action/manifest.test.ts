// action.yml is the contract with workflow authors: its inputs, defaults and outputs must be the
// ones the code reads and writes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_INPUT_DEFAULTS, fromEnv, readInputs } from '../../src/action/inputs.js';
import { ROOT, actionManifest } from '../helpers/runner.js';

const manifest = actionManifest();

describe('action.yml', () => {
  it('runs on node24 with a post step that always runs', () => {
    const runs = (actionManifest() as unknown as { runs: Record<string, string> }).runs;
    expect(runs).toEqual({
      using: 'node24',
      main: 'dist/index.js',
      post: 'dist/post.cjs',
      'post-if': 'always()',
    });
  });

  it('declares exactly the defaults the code applies', () => {
    const declared = Object.fromEntries(
      Object.entries(manifest.inputs)
        .filter(([name]) => name in ACTION_INPUT_DEFAULTS)
        .map(([name, spec]) => [name, spec.default]),
    );
    expect(declared).toEqual(ACTION_INPUT_DEFAULTS_AS_DECLARED);
  });

  it('declares every input the code reads, and reads every input it declares', () => {
    const read: string[] = [];
    readInputs((name) => {
      read.push(name);
      return { name: 'x', run: 'true' }[name] ?? '';
    });
    expect([...new Set(read)].sort()).toEqual(Object.keys(manifest.inputs).sort());
    expect(manifest.inputs.name?.required).toBe(true);
    expect(manifest.inputs.run?.required).toBe(true);
  });

  it('declares every output the action sets', () => {
    const sources = ['main.ts', 'publish.ts'].map((f) =>
      readFileSync(path.join(ROOT, 'src/action', f), 'utf8'),
    );
    const set = new Set(
      sources.flatMap((src) => [...src.matchAll(/setOutput\(\s*'([a-z-]+)'/g)].map((m) => m[1])),
    );
    expect([...set].sort()).toEqual(Object.keys(manifest.outputs).sort());
  });

  it('sends nothing over OTLP unless asked: otlp-endpoint and otlp-headers default to empty', () => {
    expect(manifest.inputs['otlp-endpoint']).toMatchObject({ required: false, default: '' });
    expect(manifest.inputs['otlp-headers']).toMatchObject({ required: false, default: '' });
  });

  it('parses with its own defaults as the runner passes them', () => {
    const env: Record<string, string> = { INPUT_NAME: 'build', INPUT_RUN: 'make' };
    for (const [name, spec] of Object.entries(manifest.inputs)) {
      if (spec.default !== undefined && spec.default !== '${{ github.token }}') {
        env[`INPUT_${name.toUpperCase()}`] = spec.default;
      }
    }
    expect(readInputs(fromEnv(env))).toMatchObject({ name: 'build', run: 'make', shell: 'bash' });
  });
});

// github-token's default is an expression the runner evaluates; the code's default is ''.
const ACTION_INPUT_DEFAULTS_AS_DECLARED = {
  ...ACTION_INPUT_DEFAULTS,
  'github-token': '${{ github.token }}',
};
