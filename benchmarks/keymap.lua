-- The published key map in Lua (LuaJIT's bit library, as wrk embeds it): which reactor owns a key.
-- owner = (murmur3_x86_32(utf8 bytes of key, seed 0) as unsigned 32-bit * count) >> 32
-- See docs/modules/ROOT/pages/ingress.adoc; keymap_test.lua checks it against the published vectors.
local bit = require("bit")
local band, bor, bxor, rol, rshift, lshift, tobit = bit.band, bit.bor, bit.bxor, bit.rol, bit.rshift, bit.lshift, bit.tobit

local M = {}

-- 32-bit multiply modulo 2^32: split a so every partial product stays exact in a double.
local function mul32(a, b)
  local lo = band(a, 0xffff)
  local hi = rshift(a, 16)
  return tobit(lo * b + lshift(tobit(hi * b), 16))
end

local C1, C2 = tobit(0xcc9e2d51), tobit(0x1b873593)

local function mix(h, k)
  k = mul32(k, C1); k = rol(k, 15); k = mul32(k, C2)
  h = bxor(h, k); h = rol(h, 13)
  return tobit(mul32(h, 5) + tobit(0xe6546b64))
end

-- MurmurHash3 x86 32-bit of a byte string, seed 0; returns a signed 32-bit number.
function M.murmur3(s)
  local h, n = 0, #s
  local blocks = n - n % 4
  for i = 1, blocks, 4 do
    local a, b, c, d = s:byte(i, i + 3)
    h = mix(h, bor(a, lshift(b, 8), lshift(c, 16), lshift(d, 24)))
  end
  local k = 0
  for i = n, blocks + 1, -1 do
    k = bor(lshift(k, 8), s:byte(i))
  end
  if n > blocks then
    k = mul32(k, C1); k = rol(k, 15); k = mul32(k, C2)
    h = bxor(h, k)
  end
  h = bxor(h, n)
  h = bxor(h, rshift(h, 16)); h = mul32(h, tobit(0x85ebca6b))
  h = bxor(h, rshift(h, 13)); h = mul32(h, tobit(0xc2b2ae35))
  return bxor(h, rshift(h, 16))
end

-- The owner of a string key among count reactors.
function M.owner(key, count)
  local h = M.murmur3(key)
  if h < 0 then h = h + 4294967296 end
  return math.floor(h * count / 4294967296)
end

return M
