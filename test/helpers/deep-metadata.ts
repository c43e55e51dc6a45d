// Metadata that defeats recursive code: 100,000 levels of nesting, and several MB.
export const DEPTH = 100_000;
export const deepObject = `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`;
export const deepArray = `{"list":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`;
export const bigMetadata = `{"blob":"${'x'.repeat(6_000_000)}","n":[${Array.from({ length: 100_000 }, (_, i) => i).join(',')}]}`;

export function line(name: string, metadata: string, at: string): string {
  return (
    `{"name":"${name}","started_at":"${at}","ended_at":"${at}","duration_ms":5,` +
    `"status":"failed","metadata":${metadata},"error":"boom"}`
  );
}
