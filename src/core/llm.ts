/**
 * trackLlmCall: times one call to a language-model client and records, as values of that run,
 * the tokens it used (`input_tokens`, `output_tokens`) and what they cost (`cost_usd`) from a
 * price table the caller passes. The usage is read from the response the client already returned;
 * nothing is sent anywhere.
 */
import { getCollector, trackExecution, type TrackOptions, type Tracked } from './collector.js';
import { DevMetricsError, describeValue } from './errors.js';
import { addValue } from './value-scope.js';

/** USD per 1 million tokens, for one model. */
export interface ModelPrice {
  input: number;
  output: number;
}

export interface LlmCallOptions extends TrackOptions {
  /**
   * Prices by model name, USD per 1M input/output tokens: `{ 'gpt-4o': { input: 2.5, output:
   * 10 } }`. A response's model matches the longest name it starts with ('gpt-4o-2024-08-06'
   * uses 'gpt-4o'). Without a price for the model, tokens are recorded and cost is not.
   */
  prices?: Readonly<Record<string, ModelPrice>>;
  /** The model, when the response does not say (or to price it under another name). */
  model?: string;
}

/** Tokens and model read from a response; null fields were not found. */
export interface LlmUsage {
  inputTokens: number | null;
  outputTokens: number | null;
  model: string | null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

/**
 * The usage of a response of the common clients: OpenAI chat completions
 * (`usage.prompt_tokens/completion_tokens`), OpenAI responses and Anthropic messages
 * (`usage.input_tokens/output_tokens`), Gemini (`usageMetadata.promptTokenCount/
 * candidatesTokenCount`, also under `.response`), Ollama (`prompt_eval_count/eval_count`).
 * Pure; an unknown shape gives nulls.
 */
export function readLlmUsage(response: unknown): LlmUsage {
  const none: LlmUsage = { inputTokens: null, outputTokens: null, model: null };
  if (!isObject(response)) return none;
  const model = typeof response['model'] === 'string' ? response['model'] : null;
  const usage = response['usage'];
  if (isObject(usage)) {
    if ('prompt_tokens' in usage || 'completion_tokens' in usage) {
      return {
        inputTokens: count(usage['prompt_tokens']),
        outputTokens: count(usage['completion_tokens']),
        model,
      };
    }
    if ('input_tokens' in usage || 'output_tokens' in usage) {
      return {
        inputTokens: count(usage['input_tokens']),
        outputTokens: count(usage['output_tokens']),
        model,
      };
    }
  }
  const nested = isObject(response['response']) ? response['response'] : undefined;
  const gemini = response['usageMetadata'] ?? nested?.['usageMetadata'];
  if (isObject(gemini)) {
    const version = response['modelVersion'] ?? nested?.['modelVersion'];
    return {
      inputTokens: count(gemini['promptTokenCount']),
      outputTokens: count(gemini['candidatesTokenCount']),
      model: typeof version === 'string' ? version : model,
    };
  }
  if ('prompt_eval_count' in response || 'eval_count' in response) {
    return {
      inputTokens: count(response['prompt_eval_count']),
      outputTokens: count(response['eval_count']),
      model,
    };
  }
  return { ...none, model };
}

/** The price entry for `model`: exact name, else the longest name it starts with. */
export function priceFor(
  prices: Readonly<Record<string, ModelPrice>>,
  model: string,
): ModelPrice | null {
  if (Object.hasOwn(prices, model)) return prices[model] as ModelPrice;
  let best: string | null = null;
  for (const name of Object.keys(prices)) {
    if (model.startsWith(name) && (best === null || name.length > best.length)) best = name;
  }
  return best === null ? null : (prices[best] as ModelPrice);
}

/** USD for the tokens at `price` (per 1M), rounded to 1e-10 to drop float noise. */
export function llmCost(inputTokens: number, outputTokens: number, price: ModelPrice): number {
  const usd = (inputTokens * price.input + outputTokens * price.output) / 1_000_000;
  return Math.round(usd * 1e10) / 1e10;
}

function checkPrices(prices: unknown): Readonly<Record<string, ModelPrice>> {
  if (prices === undefined) return {};
  if (!isObject(prices) || Array.isArray(prices)) {
    throw new DevMetricsError(
      `trackLlmCall prices must be an object like { "gpt-4o": { input: 2.5, output: 10 } }, got ${describeValue(prices)}`,
    );
  }
  for (const [model, price] of Object.entries(prices)) {
    for (const side of ['input', 'output'] as const) {
      const usd = isObject(price) ? price[side] : undefined;
      if (typeof usd !== 'number' || !Number.isFinite(usd) || usd < 0) {
        throw new DevMetricsError(
          `trackLlmCall prices["${model}"].${side} must be a number >= 0 (USD per 1M tokens), got ${describeValue(usd)}`,
        );
      }
    }
  }
  return prices as Readonly<Record<string, ModelPrice>>;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Times `fn` (a client call) like trackExecution and records its tokens and cost as values:
 * `input_tokens`, `output_tokens` (unit tokens) and `cost_usd` (unit USD), all smaller-is-better.
 * Returns what fn returns (a Promise for an async client). A response of an unknown shape records
 * the duration alone; a failed call is recorded as failed, without tokens.
 *
 *   const reply = await trackLlmCall('summarize', () => openai.chat.completions.create(req), {
 *     prices: { 'gpt-4o-mini': { input: 0.15, output: 0.6 } },
 *   });
 */
export function trackLlmCall<T>(
  name: string,
  fn: () => T,
  options: LlmCallOptions = {},
): Tracked<T> {
  if (typeof fn !== 'function') {
    throw new DevMetricsError(
      `trackLlmCall needs a function that makes the call, got ${describeValue(fn)}; pass () => client.create(...)`,
    );
  }
  const prices = checkPrices(options.prices);
  if (options.model !== undefined && (typeof options.model !== 'string' || options.model === '')) {
    throw new DevMetricsError(
      `trackLlmCall model must be a non-empty string, got ${describeValue(options.model)}`,
    );
  }
  const { prices: _prices, model: _model, ...trackOptions } = options;
  const collector = options.collector ?? getCollector();
  const record = (response: unknown): void => {
    try {
      recordUsage(response);
    } catch (error) {
      // A response we cannot read (a throwing getter, a proxy) must not fail the user's call.
      collector.onWarning?.(
        `dev-metrics: could not read the usage of "${name}" (${String(error)}); recorded without tokens`,
      );
    }
  };
  const recordUsage = (response: unknown): void => {
    const usage = readLlmUsage(response);
    if (usage.inputTokens !== null) addValue('input_tokens', usage.inputTokens, TOKENS);
    if (usage.outputTokens !== null) addValue('output_tokens', usage.outputTokens, TOKENS);
    if (usage.inputTokens === null || usage.outputTokens === null) return;
    const model = options.model ?? usage.model;
    if (model === null || Object.keys(prices).length === 0) return;
    const price = priceFor(prices, model);
    if (price === null) {
      collector.onWarning?.(
        `dev-metrics: no price for model "${model}" in trackLlmCall prices; "${name}" is recorded without cost_usd`,
      );
      return;
    }
    addValue('cost_usd', llmCost(usage.inputTokens, usage.outputTokens, price), USD);
  };
  return trackExecution(
    name,
    () => {
      const result = fn();
      if (!isThenable(result)) {
        record(result);
        return result;
      }
      return Promise.resolve(result).then((response) => {
        record(response);
        return response;
      });
    },
    { ...trackOptions, collector },
  ) as Tracked<T>;
}

const TOKENS = { unit: 'tokens', better: 'smaller' } as const;
const USD = { unit: 'USD', better: 'smaller' } as const;
