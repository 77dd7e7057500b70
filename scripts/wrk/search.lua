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

done = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "report.lua")
