-- A valid job description submission, as a browser sends it: the CSRF token in both
-- the cookie and the form. Each request stores a new draft and answers 303.
wrk.method = "POST"
local token = "0123456789abcdef0123456789abcdef"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "rolebook_csrf=" .. token
wrk.body = "csrf=" .. token
  .. "&title=Senior+Account+Manager&company=Acme&workplace=hybrid&city=Columbus&state=ohio"
  .. "&employment_type=full-time&pay_min=75000&pay_max=95000&pay_period=year"
  .. "&summary=Own+our+largest+accounts.&duties=Keep+clients+happy%0ARenew+contracts"
  .. "&required=Five+years+in+sales&benefits=health&date_posted=2026-11-23"

local statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
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
