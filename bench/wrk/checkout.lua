-- POST /api/v1/checkout: every request is another buyer (BENCH_TOKENS, one access token a line, each buyer's cart
-- prepared by the seeder). Thread n of BENCH_THREADS takes the lines n, n + BENCH_THREADS, ... so no two requests
-- share a buyer until the file runs out (then buyers come round again and answer 409 CART_EMPTY).
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")

setup = common.setup
response = common.response
done = common.done

local mine, next_buyer = {}, 1

function init(args)
  local all = common.lines(common.env("BENCH_TOKENS"))
  local threads = tonumber(common.env("BENCH_THREADS"))
  for i = tid + 1, #all, threads do
    mine[#mine + 1] = all[i]
  end
end

function request()
  local token = mine[next_buyer]
  next_buyer = next_buyer % #mine + 1
  return wrk.format("POST", "/api/v1/checkout", { ["Authorization"] = "Bearer " .. token })
end
