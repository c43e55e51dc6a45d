// Minifies what every wrapped step loads: dist/index.js and the chunk(s) it imports itself (the
// main chunk; see src/action/entry.ts). A later step of a job loads that chunk's compiled code from
// Node's compile cache, yet still reads its source, decodes it and hashes it, and V8 checks it: with
// comments and non-ASCII characters (which make V8 hold the source as a two-byte string) that was
// about 2.5 ms of a later step. No comments, no whitespace, non-ASCII escaped (\uXXXX): same code,
// names kept (no mangling, no compression), so error messages and stacks name the same functions.
// The other chunks (first step and owner's post only, compiled cold) stay as ncc writes them:
// minifying them did not change their compile time.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { minifySync } from 'rolldown/utils';

const dir = process.argv[2] ?? 'dist';
const entry = path.join(dir, 'index.js');
const entryText = readFileSync(entry, 'utf8');
// ncc's `import()` of a chunk: __nccwpck_require__.e(/* import() */ 147)
const chunks = [...entryText.matchAll(/__nccwpck_require__\.e\(\/\* import\(\) \*\/ (\d+)\)/g)].map(
  (m) => path.join(dir, `${m[1]}.index.js`),
);
if (chunks.length === 0) throw new Error(`${entry} imports no chunk: is it ncc's output?`);

for (const file of [entry, ...new Set(chunks)]) {
  const text = file === entry ? entryText : readFileSync(file, 'utf8');
  const result = minifySync(path.basename(file), text, {
    module: true,
    compress: false,
    mangle: false,
    codegen: { asciiOnly: true },
  });
  if (result.errors.length > 0) {
    throw new Error(`${file}: ${result.errors.map((e) => e.message).join('; ')}`);
  }
  // Tagged templates keep their non-ASCII text (their raw form is observable): escape it in src/.
  const nonAscii = /[\u0080-\uffff]/.exec(result.code);
  if (nonAscii) {
    const at = result.code.slice(Math.max(0, nonAscii.index - 40), nonAscii.index + 40);
    throw new Error(`${file}: non-ASCII character left after minifying, near: ${at}`);
  }
  writeFileSync(file, result.code);
  console.log(`${file}: ${text.length} -> ${result.code.length} characters, ASCII`);
}
