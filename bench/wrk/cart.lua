-- POST /api/v1/cart/add: a random shopper (BENCH_TOKENS, one access token a line) adds one copy of a random book
-- (BENCH_PRODUCTS, one product id a line).
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")

setup = common.setup
response = common.response
done = common.done

local tokens, products

function init(args)
  tokens = common.lines(common.env("BENCH_TOKENS"))
  products = common.lines(common.env("BENCH_PRODUCTS"))
  math.randomseed(os.time() * 1000 + tid)
end

function request()
  local headers = {
    ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)],
    ["Content-Type"] = "application/json",
  }
  local body = '{"productId":"' .. products[math.random(#products)] .. '","quantity":1}'
  return wrk.format("POST", "/api/v1/cart/add", headers, body)
end
