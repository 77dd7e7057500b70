-- Every path listed in the file named by $PATHS, one per line, in turn: with more paths
-- than a run sends, each request is the first for its page (a page-cache miss).
local paths = {}
for line in io.lines(os.getenv("PATHS")) do
  if line ~= "" then
    paths[#paths + 1] = line
  end
end
local i = 0
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or ""
done = dofile(dir .. "report.lua")
