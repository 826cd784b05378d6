#!/usr/bin/env bash
# Installs the system packages some tests drive for real, from Debian's archive, where they are missing:
#   chromium, chromium-driver  the Web UI's browser test (Selenium drives Debian's Chromium)
#   prometheus                 promtool, which checks and unit-tests the recording rules and alerts
#   redis-server               the MaaS API's shared store, raced by two replicas
#   luajit                     the runtime of Envoy's Lua filter, which runs the access logs' token-usage script
# The editor tests' npm packages are installed by the Maven build itself. Without apt-get, or without the right to
# use it, this says which tests will report themselves skipped, and exits 0 so that the rest still runs.
set -uo pipefail

need=()
command -v chromedriver >/dev/null || need+=(chromium chromium-driver)
command -v promtool >/dev/null || need+=(prometheus)
command -v redis-server >/dev/null || need+=(redis-server)
command -v luajit >/dev/null || need+=(luajit)
[ ${#need[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "install-tools: no apt-get; these tests will report a skip: ${need[*]}" >&2
  exit 0
fi
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo -n)
export DEBIAN_FRONTEND=noninteractive
if ! "${as_root[@]}" apt-get install -y --no-install-recommends "${need[@]}"; then
  # A fresh image may have no package lists yet.
  "${as_root[@]}" apt-get update -q && "${as_root[@]}" apt-get install -y --no-install-recommends "${need[@]}" \
    || echo "install-tools: could not install ${need[*]}; the tests that need them will report a skip" >&2
fi
exit 0
