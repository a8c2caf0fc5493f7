-- GET /api/v1/orders/{id} of one order (argument).
function init(args)
  path = "/api/v1/orders/" .. args[1]
end

function request()
  return wrk.format("GET", path)
end

-- every request carries the bench's token (bench/http.sh mints it)
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ORDERFLOW_TOKEN")
