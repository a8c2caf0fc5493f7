-- POST /api/v1/orders/{id}/confirm, each pending order once: the ids come from a file (argument), split
-- between the threads. When a thread runs out of ids it confirms its last one again (409s, counted by wrk as
-- non-2xx): size the file above what the run can confirm. With ORDERFLOW_BENCH_TOKEN set, it goes as a Bearer token.
local threads = {}

function setup(thread)
  thread:set("number", #threads)
  table.insert(threads, thread)
end

function init(args)
  local count = tonumber(args[2])
  ids, i = {}, 0
  local n = 0
  for line in io.lines(args[1]) do
    if n % count == number then
      table.insert(ids, line)
    end
    n = n + 1
  end
end

local token = os.getenv("ORDERFLOW_BENCH_TOKEN")

function request()
  if i < #ids then
    i = i + 1
  end
  local headers = {}
  if token and token ~= "" then
    headers["Authorization"] = "Bearer " .. token
  end
  return wrk.format("POST", "/api/v1/orders/" .. ids[i] .. "/confirm", headers)
end
