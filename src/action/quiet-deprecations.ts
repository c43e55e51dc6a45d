/**
 * Keeps one known, harmless deprecation warning out of users' step logs. node-fetch@2 (pulled in
 * by quickchart-js through cross-fetch) loads Node's built-in `punycode` (DEP0040) when the bundle
 * starts; the action never uses that network code. Imported first by the entry so that the filter
 * is in place before the bundle's other modules run. Every other warning still prints.
 */
const QUIET = new Set(['DEP0040']);
const emitWarning = process.emitWarning.bind(process);

process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const [typeOrOptions, code] = rest;
  const warningCode =
    typeof typeOrOptions === 'object' && typeOrOptions !== null
      ? (typeOrOptions as { code?: string }).code
      : typeof code === 'string'
        ? code
        : undefined;
  if (warningCode && QUIET.has(warningCode)) return;
  (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;
