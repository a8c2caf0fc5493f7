-- POST /api/v1/orders/{id}/confirm, each pending order once: the ids come from a file (argument), split
-- between the threads. When a thread runs out of ids it confirms its last one again (409s, counted by wrk as
-- non-2xx): size the file above what the run can confirm.
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

function request()
  if i < #ids then
    i = i + 1
  end
  return wrk.format("POST", "/api/v1/orders/" .. ids[i] .. "/confirm")
end

-- every request carries the bench's token (bench/http.sh mints it)
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ORDERFLOW_TOKEN")
