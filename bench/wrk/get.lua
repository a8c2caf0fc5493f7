-- GET /api/v1/orders/{id} of one order (argument: its id), or GET of the path given (argument starting with "/").
function init(args)
  path = args[1]:sub(1, 1) == "/" and args[1] or "/api/v1/orders/" .. args[1]
end

function request()
  return wrk.format("GET", path)
end

-- every request carries the bench's token (bench/http.sh mints it)
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ORDERFLOW_TOKEN")
