/**
 * One warning per fault: the official `saveCache` annotates its own failures (`::warning::Failed to
 * save`, `::warning::uploadCacheArchiveSDK: ...`, `::error::` for a 5xx) and then returns -1, after
 * which dev-metrics warns once with the consequence. While `run` is pending, the client's
 * annotations are printed as plain log lines instead, so its detail stays in the log and the step
 * shows one warning. The owner's post publishes the comment and the dashboard while it saves: their
 * own annotations (dev-metrics' messages all start with `dev-metrics:`) stay annotations.
 */
const ANNOTATION = /^::(warning|error)(?: [^:]*)?::/;
const OURS = /^::(warning|error)(?: [^:]*)?::dev-metrics: /;

export async function plainAnnotations<T>(run: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    if (typeof chunk === 'string' && ANNOTATION.test(chunk) && !OURS.test(chunk)) {
      chunk = `cache: ${unescape(chunk.replace(ANNOTATION, ''))}`;
    }
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof process.stdout.write;
  try {
    return await run();
  } finally {
    process.stdout.write = write;
  }
}

/** Undoes @actions/core's command escaping of the message (`%25`, `%0D`, `%0A`). */
function unescape(text: string): string {
  const body = text.replace(/\r?\n$/, '');
  const tail = text.slice(body.length);
  return `${body.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')}${tail}`;
}
