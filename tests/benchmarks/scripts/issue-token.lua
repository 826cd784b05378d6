-- POST /v1/tokens as the gateway forwards it: the route policy injects the caller's identity headers.
wrk.method = "POST"
wrk.headers["X-MaaS-Username"] = "load-user"
wrk.headers["X-MaaS-Groups"] = "[\"premium-users\"]"
wrk.headers["Content-Type"] = "application/json"

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout
  io.write(string.format("RESULT %d tokens in %.1f s: %.0f tokens/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d (non-2xx %d)\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors, summary.errors.status))
end
