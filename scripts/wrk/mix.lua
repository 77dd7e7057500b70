-- A mix of what visitors read: role pages (some with a state), salary pages, search,
-- articles, indexes and the builder form.
local paths = {
  "/", "/job-descriptions", "/job-descriptions/account-manager", "/job-descriptions/registered-nurse",
  "/job-descriptions/software-engineer?state=texas", "/job-descriptions/accountant?state=california",
  "/salaries", "/salaries/account-manager", "/salaries/soc/29-1141", "/salaries/soc/15-1252?sort=median&order=desc",
  "/search?q=account", "/search?q=nurse", "/search?q=acount+manger", "/resources",
  "/resources/how-to-structure-an-interview", "/job-descriptions/build?role=sales-manager",
  "/job-descriptions/customer-service-representative", "/salaries/data-analyst", "/feed.xml",
}
local i = 0
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], { ["Accept-Encoding"] = "gzip, br" })
end

done = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "report.lua")
