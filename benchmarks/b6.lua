-- B6 request generator for wrk: POST to one of 10 000 keys (k1..k10000), chosen at random per request.
-- B6_KIND=increment: <path>k<i>/increment (the counter store); B6_KIND=score: <path>k<i>/<random score> (leaderboards).
-- With B6_SHARD=s and B6_COUNT=n, only the keys that reactor s owns among n (the published key map, keymap.lua):
-- sent to reactor s's shard port, every request is served where its key lives.
package.path = "benchmarks/?.lua;" .. package.path
local keymap = require("keymap")
local shard = tonumber(os.getenv("B6_SHARD") or "")
local count = tonumber(os.getenv("B6_COUNT") or "1")
local kind = os.getenv("B6_KIND") or "increment"

local keys = {}
for i = 1, 10000 do
  local key = "k" .. i
  if shard == nil or keymap.owner(key, count) == shard then
    keys[#keys + 1] = key
  end
end

wrk.method = "POST"
math.randomseed(42)
request = function()
  local key = keys[math.random(#keys)]
  if kind == "score" then
    return wrk.format(nil, wrk.path .. key .. "/" .. math.random(1, 1000000))
  end
  return wrk.format(nil, wrk.path .. key .. "/increment")
end
