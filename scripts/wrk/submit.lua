-- A valid job description submission, as a browser sends it: the signed CSRF token
-- (from ROLEBOOK_TOKEN, as the form page set it) in both the cookie and the form. Each
-- request stores a new draft and answers 303.
wrk.method = "POST"
local token = os.getenv("ROLEBOOK_TOKEN") or error("set ROLEBOOK_TOKEN to the form's csrf cookie")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "rolebook_csrf=" .. token
wrk.body = "csrf=" .. token
  .. "&title=Senior+Account+Manager&company=Acme&workplace=hybrid&city=Columbus&state=ohio"
  .. "&employment_type=full-time&pay_min=75000&pay_max=95000&pay_period=year"
  .. "&summary=Own+our+largest+accounts.&duties=Keep+clients+happy%0ARenew+contracts"
  .. "&required=Five+years+in+sales&benefits%5B%5D=health&date_posted=2026-11-23"

done = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "report.lua")
