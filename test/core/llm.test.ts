// trackLlmCall on response objects shaped as the common clients return them (fields as their
// API references document: OpenAI chat completions and responses, Anthropic messages, Gemini
// generateContent, Ollama /api/chat). Nothing here is sent anywhere.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DevMetricsCollector,
  DevMetricsError,
  readLlmUsage,
  trackLlmCall,
  type ExecutionRecord,
} from '../../src/index.js';

let dir: string;
let warnings: string[];
let collector: DevMetricsCollector;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-metrics-llm-'));
  warnings = [];
  collector = new DevMetricsCollector({ metricsDir: dir, onWarning: (m) => warnings.push(m) });
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function onDisk(): ExecutionRecord[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean))
    .map((l) => JSON.parse(l) as ExecutionRecord);
}

const openAiChat = {
  id: 'chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG',
  object: 'chat.completion',
  created: 1741570283,
  model: 'gpt-4o-2024-08-06',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hi' }, finish_reason: 'stop' }],
  usage: {
    prompt_tokens: 1117,
    completion_tokens: 46,
    total_tokens: 1163,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
  },
};
const openAiResponses = {
  id: 'resp_67ccd2bed1ec8190b14f964abc054267',
  object: 'response',
  model: 'gpt-4.1-2025-04-14',
  output: [],
  usage: {
    input_tokens: 36,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: 87,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: 123,
  },
};
const anthropic = {
  id: 'msg_013Zva2CMHLNnXjNJJKqJ2EF',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-20250514',
  content: [{ type: 'text', text: 'Hi' }],
  stop_reason: 'end_turn',
  usage: { input_tokens: 2095, output_tokens: 503, cache_read_input_tokens: 0 },
};
const gemini = {
  candidates: [{ content: { parts: [{ text: 'Hi' }], role: 'model' }, finishReason: 'STOP' }],
  usageMetadata: { promptTokenCount: 8, candidatesTokenCount: 12, totalTokenCount: 20 },
  modelVersion: 'gemini-2.0-flash',
};
const ollama = {
  model: 'llama3.2',
  created_at: '2023-12-12T14:13:43.416799Z',
  message: { role: 'assistant', content: 'Hello!' },
  done: true,
  total_duration: 5191566416,
  prompt_eval_count: 26,
  prompt_eval_duration: 383809000,
  eval_count: 298,
  eval_duration: 4799921000,
};

describe('readLlmUsage', () => {
  it.each([
    ['OpenAI chat', openAiChat, 1117, 46, 'gpt-4o-2024-08-06'],
    ['OpenAI responses', openAiResponses, 36, 87, 'gpt-4.1-2025-04-14'],
    ['Anthropic', anthropic, 2095, 503, 'claude-sonnet-4-20250514'],
    ['Gemini', gemini, 8, 12, 'gemini-2.0-flash'],
    ['Gemini (@google/generative-ai result)', { response: gemini }, 8, 12, 'gemini-2.0-flash'],
    ['Ollama', ollama, 26, 298, 'llama3.2'],
  ])('%s', (_label, response, input, output, model) => {
    expect(readLlmUsage(response)).toEqual({ inputTokens: input, outputTokens: output, model });
  });

  it('an unknown shape gives no tokens', () => {
    expect(readLlmUsage('text')).toEqual({ inputTokens: null, outputTokens: null, model: null });
    expect(readLlmUsage({ usage: { tokens: 3 } })).toEqual({
      inputTokens: null,
      outputTokens: null,
      model: null,
    });
  });
});

describe('trackLlmCall', () => {
  const prices = {
    'gpt-4o': { input: 2.5, output: 10 },
    'gpt-4o-mini': { input: 0.15, output: 0.6 },
    'claude-sonnet-4': { input: 3, output: 15 },
  };

  it('records tokens and the cost at the longest matching price, and returns the response', async () => {
    const reply = await trackLlmCall('chat', async () => openAiChat, { collector, prices });
    expect(reply).toBe(openAiChat);
    const [record] = onDisk();
    expect(record?.status).toBe('success');
    expect(record?.metadata).toEqual({
      values: { input_tokens: 1117, output_tokens: 46, cost_usd: 0.0032525 },
      value_info: {
        input_tokens: { unit: 'tokens', better: 'smaller' },
        output_tokens: { unit: 'tokens', better: 'smaller' },
        cost_usd: { unit: 'USD', better: 'smaller' },
      },
    });
    expect(warnings).toEqual([]);
  });

  it('the model option prices a response that names no model, also for a sync client', () => {
    const reply = trackLlmCall('local', () => ({ ...ollama, model: undefined }), {
      collector,
      prices: { 'llama3.2': { input: 0, output: 1 } },
      model: 'llama3.2',
      metadata: { host: 'laptop' },
    });
    expect(reply.eval_count).toBe(298);
    expect(onDisk()[0]?.metadata).toMatchObject({
      host: 'laptop',
      values: { input_tokens: 26, output_tokens: 298, cost_usd: 0.000298 },
    });
  });

  it('no price for the model: tokens recorded, cost not, one warning', async () => {
    await trackLlmCall('gem', () => Promise.resolve(gemini), { collector, prices });
    expect(onDisk()[0]?.metadata['values']).toEqual({ input_tokens: 8, output_tokens: 12 });
    expect(warnings).toEqual([
      'dev-metrics: no price for model "gemini-2.0-flash" in trackLlmCall prices; "gem" is recorded without cost_usd',
    ]);
  });

  it('an unknown shape records the duration alone; a failed call is recorded failed, rethrown', async () => {
    await trackLlmCall('stream', async () => ({ [Symbol.asyncIterator]: () => null }), {
      collector,
      prices,
    });
    await expect(
      trackLlmCall(
        'down',
        async () => {
          throw new Error('503 overloaded');
        },
        { collector, prices },
      ),
    ).rejects.toThrow('503 overloaded');
    const [stream, down] = onDisk();
    expect(stream?.status).toBe('success');
    expect(stream?.metadata).toEqual({});
    expect(down).toMatchObject({ status: 'failed', error: '503 overloaded', metadata: {} });
  });

  it('a response whose usage cannot be read does not fail the call', async () => {
    const hostile = {
      get usage(): unknown {
        throw new Error('getter says no');
      },
    };
    await expect(trackLlmCall('odd', async () => hostile, { collector })).resolves.toBe(hostile);
    expect(onDisk()[0]?.status).toBe('success');
    expect(warnings[0]).toMatch(/could not read the usage of "odd" \(Error: getter says no\)/);
  });

  it('refuses a bad price table with a one-line error before calling', () => {
    let called = false;
    expect(() =>
      trackLlmCall(
        'x',
        () => {
          called = true;
        },
        { collector, prices: { 'gpt-4o': { input: 2.5, output: Number.NaN } } },
      ),
    ).toThrow(
      new DevMetricsError(
        'trackLlmCall prices["gpt-4o"].output must be a number >= 0 (USD per 1M tokens), got NaN',
      ),
    );
    expect(called).toBe(false);
  });
});
