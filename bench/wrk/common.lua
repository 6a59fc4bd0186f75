-- Shared by the scenario scripts: reads the list files the seeder wrote, tallies the answers of every thread by
-- status, and prints one machine-readable RESULT line that bench/run.sh turns into the results table.

local common = {}

function common.lines(path)
  local list = {}
  for line in io.lines(path) do
    if #line > 0 then list[#list + 1] = line end
  end
  if #list == 0 then error("no lines in " .. path) end
  return list
end

function common.env(name)
  local value = os.getenv(name)
  if value == nil or value == "" then error(name .. " is not set") end
  return value
end

local threads = {}
local next_id = 0

-- Gives each thread its number (tid, from 0) and keeps it for the final tally.
function common.setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  threads[#threads + 1] = thread
end

statuses = {}

function common.response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function common.done(summary, latency, requests)
  local tally = {}
  for _, thread in ipairs(threads) do
    local counted = thread:get("statuses")
    for status, count in pairs(counted) do
      tally[status] = (tally[status] or 0) + count
    end
  end
  local keys = {}
  for status in pairs(tally) do keys[#keys + 1] = status end
  table.sort(keys)
  local parts, non2xx = {}, 0
  for _, status in ipairs(keys) do
    parts[#parts + 1] = "s" .. status .. "=" .. tally[status]
    if status < 200 or status > 299 then non2xx = non2xx + tally[status] end
  end
  local errors = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d"
      .. " socket_errors=%d %s\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, non2xx,
    errors.connect + errors.read + errors.write + errors.timeout, table.concat(parts, " ")))
end

return common
