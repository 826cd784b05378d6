#!/usr/bin/env node
// Converts YAML specs to JSON files for ajv-cli, reading YAML 1.2 with the core schema (as the maas
// spec reader does) with the `yaml` package that yaml-language-server itself uses.
//
//   node yaml-to-json.mjs OUT_DIR SPEC.yaml...
//
// Writes OUT_DIR/<n>.json for the n-th spec (from 0) and prints one JSON line per spec:
// {"index": n, "file": ..., "json": path or null, "error": null or why it did not parse}.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import YAML from "yaml";

const [outDir, ...files] = process.argv.slice(2);
if (!outDir || files.length === 0) {
  process.stderr.write("usage: node yaml-to-json.mjs OUT_DIR SPEC.yaml...\n");
  process.exit(64);
}
mkdirSync(outDir, { recursive: true });
files.forEach((file, index) => {
  let line = { index, file, json: null, error: null };
  try {
    const docs = YAML.parseAllDocuments(readFileSync(file, "utf8"), { version: "1.2", schema: "core", uniqueKeys: true });
    const broken = docs.flatMap((doc) => doc.errors);
    if (docs.length !== 1) {
      line.error = `holds ${docs.length} YAML documents`;
    } else if (broken.length > 0) {
      line.error = broken.map((e) => e.message).join("; ");
    } else {
      const json = resolve(join(outDir, `${index}.json`));
      writeFileSync(json, JSON.stringify(docs[0].toJS({ maxAliasCount: 100 })));
      line.json = json;
    }
  } catch (error) {
    line.error = String(error.message ?? error);
  }
  process.stdout.write(JSON.stringify(line) + "\n");
});
