-- GET /api/v1/orders/{id} of one order (argument).
function init(args)
  path = "/api/v1/orders/" .. args[1]
end

function request()
  return wrk.format("GET", path)
end
