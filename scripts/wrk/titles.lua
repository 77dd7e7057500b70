-- 200 titles from the job-title dictionary (scripts/wrk/titles.txt, every 22nd or so),
-- in turn: what employers type, most of them for occupations we have no page for.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or ""
local queries = {}
for line in io.lines(dir .. "titles.txt") do
  if line ~= "" then
    queries[#queries + 1] = line:gsub("[^%w]", function(c)
      return string.format("%%%02X", string.byte(c))
    end)
  end
end
local i = 0
function request()
  i = i % #queries + 1
  return wrk.format("GET", "/search?q=" .. queries[i])
end

done = dofile(dir .. "report.lua")
