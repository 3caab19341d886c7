'use strict';
// PostgreSQL COPY in text format (pg-copy-streams): rows go to the server in 64 KB chunks as
// they are generated, so a table of millions of rows never sits in memory.
const { Readable } = require('node:stream');
const { pipeline } = require('node:stream/promises');
const { from: copyFrom } = require('pg-copy-streams');

const CHUNK = 1 << 16;

/** One field in COPY text format: \N for null, arrays as {"a","b"} (jsonb comes as a JSON string). */
function field(value) {
  if (value === null || value === undefined) return '\\N';
  if (Array.isArray(value))
    return escape(`{${value.map((v) => JSON.stringify(String(v))).join(',')}}`);
  return escape(String(value));
}

function escape(text) {
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;
}

function* chunks(rows, counter) {
  let buffer = '';
  for (const row of rows) {
    buffer += row.map(field).join('\t') + '\n';
    counter.rows++;
    if (buffer.length >= CHUNK) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/** COPY `rows` (an iterable of value arrays, in `columns` order) into `table`; returns the count. */
async function copyRows(client, table, columns, rows) {
  const counter = { rows: 0 };
  await pipeline(
    Readable.from(chunks(rows, counter)),
    client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)),
  );
  return counter.rows;
}

module.exports = { copyRows };
