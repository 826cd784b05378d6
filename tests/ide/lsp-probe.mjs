#!/usr/bin/env node
// Drives the real yaml-language-server over stdio the way an editor does, and prints what it answered
// as one JSON object on stdout. The JUnit tests in dev.maas.tests.ide read that object.
//
//   node lsp-probe.mjs --file SPEC.yaml [--workspace DIR] [--settings SETTINGS.json]
//                      [--hover LINE:COL]... [--completion LINE:COL]...
//
// LINE and COL are zero-based, as in LSP. --settings names a VS Code settings.json whose `yaml.*`
// entries are sent as the server's configuration (relative schema paths resolve against --workspace);
// without it the file's `# yaml-language-server: $schema=...` modeline decides the schema.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const TIMEOUT_MS = 30000;
const SETTLE_MS = 700;

function parseArgs(argv) {
  const args = { hover: [], completion: [] };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, "");
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`missing value after ${argv[i]}`);
    if (key === "hover" || key === "completion") {
      const [line, character] = value.split(":").map(Number);
      args[key].push({ line, character });
    } else {
      args[key] = value;
    }
  }
  if (!args.file) throw new Error("--file is required");
  return args;
}

function yamlSettings(settingsFile) {
  const yaml = { validate: true, hover: true, completion: true, format: { enable: false }, schemaStore: { enable: false } };
  if (!settingsFile) return yaml;
  const vscode = JSON.parse(readFileSync(settingsFile, "utf8"));
  for (const [key, value] of Object.entries(vscode)) {
    if (key.startsWith("yaml.")) yaml[key.slice("yaml.".length)] = value;
  }
  yaml.schemaStore = { enable: false }; // the tests never reach the network
  return yaml;
}

/** A minimal LSP client: Content-Length framing, request ids, and replies to server requests. */
class Client {
  constructor(child, settings) {
    this.child = child;
    this.settings = settings;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = [];
    this.buffer = Buffer.alloc(0);
    child.stdout.on("data", (chunk) => this.receive(chunk));
  }

  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString("ascii");
      const length = Number(/Content-Length: (\d+)/i.exec(header)[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString("utf8");
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body));
    }
  }

  dispatch(message) {
    if (message.id !== undefined && message.method === undefined) {
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (waiter) message.error ? waiter.reject(new Error(JSON.stringify(message.error))) : waiter.resolve(message.result);
      return;
    }
    if (message.id !== undefined) {
      // A request from the server: answer so that it never waits on us.
      let result = null;
      if (message.method === "workspace/configuration") {
        result = message.params.items.map((item) => (item.section === "yaml" ? this.settings : item.section ? null : { yaml: this.settings }));
      }
      this.write({ jsonrpc: "2.0", id: message.id, result });
      return;
    }
    for (const listener of this.listeners) listener(message);
  }

  write(message) {
    const body = Buffer.from(JSON.stringify(message), "utf8");
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolvePromise, reject) => {
      this.pending.set(id, { resolve: resolvePromise, reject });
      this.write({ jsonrpc: "2.0", id, method, params });
    });
  }

  notify(method, params) {
    this.write({ jsonrpc: "2.0", method, params });
  }
}

function hoverText(hover) {
  if (!hover) return null;
  const contents = hover.contents;
  const parts = Array.isArray(contents) ? contents : [contents];
  return parts.map((part) => (typeof part === "string" ? part : part.value)).join("\n");
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const file = resolve(args.file);
  const workspace = resolve(args.workspace ?? ".");
  const settings = yamlSettings(args.settings);
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, "utf8");

  const require = createRequire(import.meta.url);
  const server = require.resolve("yaml-language-server/bin/yaml-language-server");
  const child = spawn(process.execPath, [server, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
  const stderr = [];
  child.stderr.on("data", (chunk) => stderr.push(chunk));
  const timer = setTimeout(() => {
    process.stderr.write(`lsp-probe: no answer within ${TIMEOUT_MS} ms\n${Buffer.concat(stderr)}`);
    child.kill();
    process.exit(2);
  }, TIMEOUT_MS);

  const client = new Client(child, settings);
  let diagnostics = null;
  let lastPublish = 0;
  client.listeners.push((message) => {
    if (message.method === "textDocument/publishDiagnostics" && message.params.uri === uri) {
      diagnostics = message.params.diagnostics;
      lastPublish = Date.now();
    }
  });

  const workspaceUri = pathToFileURL(workspace).href;
  await client.request("initialize", {
    processId: process.pid,
    rootUri: workspaceUri,
    workspaceFolders: [{ uri: workspaceUri, name: "workspace" }],
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        publishDiagnostics: { relatedInformation: true },
        hover: { contentFormat: ["markdown", "plaintext"] },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ["markdown", "plaintext"] } },
      },
    },
    initializationOptions: {},
  });
  client.notify("initialized", {});
  client.notify("workspace/didChangeConfiguration", { settings: { yaml: settings } });
  client.notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: 1, text } });

  // Diagnostics come once the schema is loaded; later publishes replace earlier ones, so wait until quiet.
  while (diagnostics === null || Date.now() - lastPublish < SETTLE_MS) {
    await new Promise((r) => setTimeout(r, 50));
  }

  const hovers = [];
  for (const position of args.hover) {
    const hover = await client.request("textDocument/hover", { textDocument: { uri }, position });
    hovers.push({ position, text: hoverText(hover) });
  }
  const completions = [];
  for (const position of args.completion) {
    const result = await client.request("textDocument/completion", { textDocument: { uri }, position });
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    completions.push({ position, labels: items.map((item) => item.label).sort() });
  }

  await client.request("shutdown", null);
  client.notify("exit", null);
  clearTimeout(timer);
  const summary = diagnostics.map((d) => ({
    line: d.range.start.line,
    character: d.range.start.character,
    endLine: d.range.end.line,
    endCharacter: d.range.end.character,
    severity: d.severity,
    source: d.source ?? null,
    message: d.message,
  }));
  process.stdout.write(JSON.stringify({ uri, diagnostics: summary, hovers, completions }, null, 2) + "\n");
  setTimeout(() => child.kill(), 200).unref();
}

main().catch((error) => {
  process.stderr.write(`lsp-probe: ${error.stack ?? error}\n`);
  process.exit(1);
});
