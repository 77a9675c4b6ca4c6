-- B6: POST an increment of one of 10 000 keys, chosen at random per request.
wrk.method = "POST"
math.randomseed(42)
request = function()
  return wrk.format(nil, wrk.path .. "k" .. math.random(1, 10000) .. "/increment")
end
