// Puts the post step's entry in the bundle's folder: dist/post.cjs (action.yml `post:`) is
// src/action/post-entry.cjs as it is, plain CommonJS that ncc does not build (see that file).
import { copyFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? 'dist';
copyFileSync(
  path.join(import.meta.dirname, '../src/action/post-entry.cjs'),
  path.join(dir, 'post.cjs'),
);
