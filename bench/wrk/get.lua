-- GET a path picked at random from the file BENCH_PATHS names (one path a line).
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")

setup = common.setup
response = common.response
done = common.done

local paths

function init(args)
  paths = common.lines(common.env("BENCH_PATHS"))
  math.randomseed(os.time() * 1000 + tid)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
