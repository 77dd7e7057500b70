-- 20 different searches, in turn: titles, aliases, prefixes, topics, misspellings
-- (which take the correction path) and one that finds nothing.
local queries = {
  "account manager", "nurse", "acc", "software engineer", "RN", "pay transparency",
  "interview", "onboarding", "customer success", "data", "web developer", "sales rep",
  "acount manger", "registred nurce", "medical assistant", "salary data",
  "office manager", "bookkeeping", "job title", "zzqxv wibble",
}
local i = 0
function request()
  i = i % #queries + 1
  return wrk.format("GET", "/search?q=" .. queries[i]:gsub(" ", "+"))
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, %.0f/s, errors %d (non-2xx/3xx %d)\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
  io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
