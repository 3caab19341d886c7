#!/usr/bin/env node
// `node tools/pdf-text.mjs file.pdf`: prints the text of each page of a PDF as a JSON array of
// strings (one per page), for tests that open a generated PDF. pdfjs-dist is ESM only, so the
// CommonJS test runner calls this in a child process.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node tools/pdf-text.mjs file.pdf');
  process.exit(2);
}

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));

const pdf = await getDocument({
  data: new Uint8Array(readFileSync(file)),
  // the 14 standard fonts (Helvetica ...) are not embedded in the PDF; pdfjs reads their metrics here
  standardFontDataUrl: `${join(pdfjsRoot, 'standard_fonts')}/`,
  useSystemFonts: false,
  verbosity: 0,
}).promise;

const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  let text = '';
  for (const item of content.items) {
    if (!('str' in item)) continue;
    text += item.str + (item.hasEOL ? '\n' : ' ');
  }
  pages.push(text);
  page.cleanup();
}
await pdf.destroy();
process.stdout.write(JSON.stringify(pages));
