// Readability.js on linkedom behind the same line protocol as python_worker.py (see there):
//   {"cmd": "extract", "path"} | {"cmd": "load", "paths"} | {"cmd": "run"}, one JSON line each,
// after a first {"ready": true, "version"} line. Run from bench/peers (its node_modules).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { gunzipSync } from "node:zlib";

import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

const require = createRequire(import.meta.url);
const version = `readability ${require("@mozilla/readability/package.json").version}, ` +
  `linkedom ${require("linkedom/package.json").version}`;

// Same order of trust as bench/fake_webclean.py's decode_page: UTF-8 when it decodes, else the
// charset a <meta> names, else GB18030, else windows-1252 (which always decodes).
function decodePage(bytes) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {}
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  const declared = /charset=["']?([\w-]+)/i.exec(head);
  for (const label of [declared && declared[1], "gb18030"]) {
    if (!label) continue;
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {}
  }
  return new TextDecoder("windows-1252").decode(bytes);
}

function extract(bytes) {
  const { document } = parseHTML(decodePage(bytes));
  const article = new Readability(document).parse();
  if (!article) return { text: "" };
  return { text: article.textContent, title: article.title, author: article.byline,
           date: article.publishedTime };
}

function readPage(path) {
  const raw = readFileSync(path);
  return path.endsWith(".gz") ? gunzipSync(raw) : raw;
}

const answer = (record) => process.stdout.write(JSON.stringify(record) + "\n");
// Node has no system-wide monotonic clock in seconds: hrtime is CLOCK_MONOTONIC, as Python's is.
const monotonic = () => Number(process.hrtime.bigint()) / 1e9;

answer({ ready: true, version });
let loaded = [];
for await (const line of createInterface({ input: process.stdin })) {
  const command = JSON.parse(line);
  if (command.cmd === "extract") {
    const bytes = readPage(command.path);
    const started = performance.now();
    let record;
    try {
      record = extract(bytes);
    } catch (error) {
      record = { exception: String(error).slice(0, 500) };
    }
    record.seconds = (performance.now() - started) / 1000;
    answer(record);
  } else if (command.cmd === "load") {
    loaded = command.paths.map(readPage);
    answer({ pages: loaded.length, bytes: loaded.reduce((sum, b) => sum + b.length, 0) });
  } else if (command.cmd === "run") {
    let failed = 0;
    const cpuStart = process.cpuUsage();
    const start = monotonic();
    for (const bytes of loaded) {
      try {
        extract(bytes);
      } catch {
        failed += 1;
      }
    }
    const end = monotonic();
    const cpu = process.cpuUsage(cpuStart);
    answer({ start, end, cpu: (cpu.user + cpu.system) / 1e6, failed, maxrss_kb: process.resourceUsage().maxRSS });
  }
}
