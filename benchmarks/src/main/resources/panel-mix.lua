-- The panel-app workload for wrk: of every 10 requests, 6 read one panel (with its settings),
-- 2 create a panel and 2 set one panel's setting. Reads and settings go to the panels the benchmark
-- seeded, ids 1..N, N given after "--". done() prints one "wrk-result key=value ..." line for the
-- benchmark to parse; 503 is the app's answer to "database is locked".

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  seeded = tonumber(args[1])
  created = 0
  locked = 0
  other = 0
  math.randomseed(id)
end

local json = { ["Content-Type"] = "application/json" }

function request()
  local pick = math.random(10)
  local panel = math.random(seeded)
  if pick <= 2 then
    created = created + 1
    -- Names are unique per run (the app's schema says so): thread id and a counter.
    return wrk.format("POST", "/panels", json, string.format('{"name":"w%d-%d","location":"bench"}', id, created))
  elseif pick <= 4 then
    return wrk.format("PUT", "/panels/" .. panel .. "/settings/tilt", json,
      string.format('{"value":"%d"}', math.random(90)))
  end
  return wrk.format("GET", "/panels/" .. panel)
end

function response(status, headers, body)
  if status == 503 then
    locked = locked + 1
  elseif status >= 300 then
    other = other + 1
  end
end

function done(summary, latency, requests)
  local all_locked, all_other = 0, 0
  for _, thread in ipairs(threads) do
    all_locked = all_locked + thread:get("locked")
    all_other = all_other + thread:get("other")
  end
  local e = summary.errors
  io.write(string.format("wrk-result requests=%d duration_us=%d p50_us=%.0f p99_us=%.0f locked=%d other_non2xx=%d"
    .. " socket_errors=%d\n", summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    all_locked, all_other, e.connect + e.read + e.write + e.timeout))
end
