-- wrk script for run-soak.sh: a mix of boards, profiles and badges (JSON
-- and pages), over the seeded users (user00000 .. user<SOAK_USERS - 1>).
local users = tonumber(os.getenv("SOAK_USERS") or "1000")
local periods = { "day", "week", "month", "year", "all" }
local metrics = { "tokens", "cost", "output", "messages", "activeDays", "streak", "cacheEfficiency" }
local kinds = { "tokens", "cost", "rank", "active-days", "streak", "cache-efficiency" }
local styles = { "flat", "flat-square", "branded" }
local zones = { "UTC", "%2B09:00", "America%2FLos_Angeles", "Europe%2FBerlin" }

local function pick(list) return list[math.random(#list)] end
local function user() return string.format("user%05d", math.random(0, users - 1)) end

local paths = {
  function() return "/api/v1/leaderboard?period=" .. pick(periods) .. "&metric=" .. pick(metrics) .. "&tz=" .. pick(zones) end,
  function() return "/api/v1/leaderboard?period=month&limit=50&offset=" .. math.random(0, 200) end,
  function() return "/?period=" .. pick(periods) end,
  function() return "/api/v1/users/" .. user() .. "?tz=" .. pick(zones) end,
  function() return "/u/" .. user() end,
  function() return "/badge/" .. user() .. ".svg" end,
  function() return "/badge/" .. pick(kinds) .. "/" .. user() .. ".svg?style=" .. pick(styles) end,
  function() return "/badge/" .. pick(kinds) .. "/" .. user() .. ".json" end,
  function() return "/badge/stats.svg" end,
  function() return "/api/v1/stats" end,
}

function setup(thread)
  thread:set("id", math.random(1000000))
end

function init(args)
  math.randomseed(id or os.time())
end

function request()
  return wrk.format("GET", pick(paths)())
end

function done(summary, latency, requests)
  io.write(string.format("wrk: %d requests, %.0f req/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("wrk: errors connect %d, read %d, write %d, timeout %d, status (non-2xx/3xx) %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout, summary.errors.status))
end
