#!/usr/bin/env bash
# Installs the editor tooling the IDE tests drive (exact versions from package-lock.json).
# The tests module's build does the same when node_modules is absent or stale (NpmInstall.java, beside this
# file); this script is for running the tools by hand (docs/editor-setup.md).
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
