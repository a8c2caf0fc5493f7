-- POST /api/v1/orders with a unique Idempotency-Key per request; the ids of created orders go to
-- <ids_dir>/ids-<thread>.txt (for the confirm run). Argument: ids_dir. With ORDERFLOW_BENCH_TOKEN set, it goes as
-- a Bearer token.
local counter = 0
local threads = {}

function setup(thread)
  thread:set("number", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  ids = io.open(args[1] .. "/ids-" .. number .. "-" .. os.time() .. "-" .. math.random(1e9) .. ".txt", "a")
  prefix = string.format("bench-%d-%d-%d-", os.time(), number, math.random(1e9))
end

local token = os.getenv("ORDERFLOW_BENCH_TOKEN")

function request()
  counter = counter + 1
  local body = '{"customerId":"c-bench-' .. (counter % 97) .. '",' ..
    '"lines":[{"sku":"BOOK-1","quantity":2,"unitPrice":{"amount":"12.50","currency":"EUR"}},' ..
    '{"sku":"PEN-7","quantity":1,"unitPrice":{"amount":"3.20","currency":"EUR"}}],' ..
    '"shippingAddress":{"recipient":"Ada Lovelace","line1":"1 Main St","postalCode":"10115",' ..
    '"city":"Berlin","country":"DE"}}'
  local headers = {["Content-Type"] = "application/json", ["Idempotency-Key"] = prefix .. counter}
  if token and token ~= "" then
    headers["Authorization"] = "Bearer " .. token
  end
  return wrk.format("POST", "/api/v1/orders", headers, body)
end

function response(status, headers, body)
  if status == 201 then
    local location = headers["Location"] or headers["location"]
    if location then
      ids:write(string.match(location, "[^/]+$"), "\n")
    end
  end
end
