-- POST /v1/tokens as the gateway forwards it: the route policy injects the caller's identity headers.
-- Users rotate (USERS per wrk thread, each thread its own names) so that none reaches the per-user cap of live
-- tokens (100): a 20 s run at 5,000 tokens/s issues 20 per user.
local USERS = 5000
local threads = {}
local next_id = 0

setup = function(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", nil, {
    ["X-MaaS-Username"] = "load-" .. thread_id .. "-" .. (n % USERS),
    ["X-MaaS-Groups"] = "[\"premium-users\"]",
    ["Content-Type"] = "application/json",
  }, "")
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout
  io.write(string.format("RESULT %d tokens in %.1f s: %.0f tokens/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d (non-2xx %d)\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors, summary.errors.status))
end
