-- wrk script: POST /api/diagnose with the worst bodies it accepts (issue 15, item 2): just under
-- 64 KiB of concept words, 48 observations of about 1,290 characters each, joined by spaces (one
-- long clause, the reader's costliest shape), commas, "and", "or" and "not and", in turn; and every
-- sixth request, as many words in no list, new on every request (what the speller is worst at).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local words = {"login", "search", "redis", "queue", "etcd", "driver", "core", "module", "execute",
  "backoffice", "system", "request", "service", "api", "log", "worker", "database", "pool", "memory",
  "s3", "dns", "pod", "down", "fails", "works", "not", "no", "slow", "grow", "high", "cpu"}

local function body(sep)
  local obs, k = {}, 0
  for o = 0, 47 do
    local parts, len = {}, 0
    while len < 1276 do
      local w = words[((k * 7 + o) % #words) + 1]
      parts[#parts + 1] = w
      len = len + #w + #sep
      k = k + 1
    end
    obs[#obs + 1] = '"' .. table.concat(parts, sep) .. '"'
  end
  return '{"observations": [' .. table.concat(obs, ",") .. ']}'
end

local function unknown()
  local obs = {}
  for o = 0, 47 do
    local parts, len = {}, 0
    while len < 1276 do
      local w = {}
      for c = 1, 5 + math.random(0, 6) do w[c] = string.char(96 + math.random(1, 26)) end
      parts[#parts + 1] = table.concat(w)
      len = len + #parts[#parts] + 1
    end
    obs[#obs + 1] = '"' .. table.concat(parts, " ") .. '"'
  end
  return '{"observations": [' .. table.concat(obs, ",") .. ']}'
end

local bodies = {body(" "), body(", "), body(" and "), body(" or "), body(" not and ")}
local i = 0

request = function()
  i = i + 1
  if i % 6 == 0 then return wrk.format(nil, nil, nil, unknown()) end
  return wrk.format(nil, nil, nil, bodies[(i % #bodies) + 1])
end
