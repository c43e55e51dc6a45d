// Merges the per-chunk license files of the bundle into dist/licenses.txt.
// ncc's license plugin writes one file per chunk, all to the same name unless it holds [name]:
// with the lazily loaded OpenTelemetry chunks, licenses.txt kept only the last chunk's packages.
// `npm run package` asks for licenses-[name].txt and this script joins them, main chunk first,
// each package once, then deletes the per-chunk files.
import { readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? 'dist';
const PACKAGE = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;
const LICENSE_ID = /^[A-Za-z0-9.+()\- ]{2,60}$/;

/** The file's entries (`name\nlicense\ntext`), split where a package name and a license id start. */
function entries(text) {
  const lines = text.split('\n');
  const starts = [];
  for (let i = 0; i < lines.length - 1; i++) {
    if (
      (i === 0 || lines[i - 1] === '') &&
      PACKAGE.test(lines[i]) &&
      LICENSE_ID.test(lines[i + 1])
    ) {
      starts.push(i);
    }
  }
  return starts.map((start, k) => {
    const end = k + 1 < starts.length ? starts[k + 1] - 1 : lines.length;
    return { name: lines[start], text: lines.slice(start, end).join('\n') };
  });
}

const files = readdirSync(dir)
  .filter((f) => /^licenses-.+\.txt$/.test(f))
  .sort((a, b) =>
    a === 'licenses-main.txt' ? -1 : b === 'licenses-main.txt' ? 1 : a.localeCompare(b),
  );
if (files.length === 0)
  throw new Error(`no licenses-*.txt in ${dir}: run ncc with --license licenses-[name].txt`);
const merged = new Map();
for (const file of files) {
  for (const entry of entries(readFileSync(path.join(dir, file), 'utf8'))) {
    if (!merged.has(entry.name)) merged.set(entry.name, entry.text);
  }
}
writeFileSync(path.join(dir, 'licenses.txt'), [...merged.values()].join('\n\n'));
for (const file of files) unlinkSync(path.join(dir, file));
console.log(`licenses.txt: ${merged.size} packages from ${files.length} chunk file(s)`);
