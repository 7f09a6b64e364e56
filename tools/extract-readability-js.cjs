#!/usr/bin/env node
// Mozilla's Readability.js on jsdom (npm: @mozilla/readability, jsdom) as a
// filter, for tools/extractor-figure.sh: the page on standard input, the
// article's text on standard output, one block per line.  With FILE
// arguments, each file in turn (the speed run: one process).  NODE_PATH
// names the node_modules the packages were installed in.
'use strict';
const fs = require('fs');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

function extract(bytes) {
  try {
    // a Buffer lets jsdom find the page's charset as a browser would;
    // no scripts run, nothing is fetched
    const dom = new JSDOM(bytes, { virtualConsole: new VirtualConsole() });
    const article = new Readability(dom.window.document).parse();
    if (!article || !article.content) return '';
    const marked = article.content.replace(
      /<\/(p|div|li|h[1-6]|pre|blockquote|tr|td|th|dd|dt|figcaption)>|<br\s*\/?>/gi, '$&\n');
    const text = JSDOM.fragment(marked).textContent;
    return text.split('\n').map((l) => l.split(/\s+/).join(' ').trim())
      .filter((l) => l).join('\n') + '\n';
  } catch (e) {
    return '';
  }
}

// OUT_DIR: each file's text into OUT_DIR/NAME.txt (NAME.html read), as the
// scorer keeps them, for scoring a batch run.
const files = process.argv.slice(2);
const outDir = process.env.OUT_DIR;
if (files.length === 0) process.stdout.write(extract(fs.readFileSync(0)));
for (const f of files) {
  const text = extract(fs.readFileSync(f));
  if (outDir) fs.writeFileSync(`${outDir}/${f.replace(/^.*\//, '').replace(/\.html$/, '')}.txt`, text);
  else process.stdout.write(text);
}
