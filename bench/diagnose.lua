-- wrk script: POST /api/diagnose with a few representative bodies, in turn.
-- The echo reference gets the same bodies on the same path.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local bodies = {
  '{"observations": ["nobody can log in to backoffice"]}',
  '{"observations": ["cant loggin", "requests never reach the api"]}',
  '{"observations": ["backoffice shows no systems", "login works"]}',
  '{"observations": ["the redis queue keeps growing", "all views are slow"]}',
}
local i = 0

request = function()
  i = i + 1
  return wrk.format(nil, nil, nil, bodies[(i % #bodies) + 1])
end
