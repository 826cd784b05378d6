#!/usr/bin/env bash
# Installs the editor tooling the IDE tests drive (exact versions from package-lock.json).
# CI calls this before the Maven build; without it those tests skip with a message saying so.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
