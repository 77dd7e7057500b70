-- wrk's summary as two lines, shared by the other scripts here: throughput and errors,
-- then latency percentiles.
return function(summary, latency, requests)
  io.write(string.format("requests %d, %.0f/s, errors %d (non-2xx/3xx %d)\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
  io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
