-- Checks keymap.lua against the key map's published test vectors (String rows of key-map-vectors.csv).
-- Usage: luajit benchmarks/keymap_test.lua   (from the repository root)
package.path = "benchmarks/?.lua;" .. package.path
local keymap = require("keymap")
local checked = 0
for line in io.lines("docs/modules/ROOT/pages/includes/key-map-vectors.csv") do
  local kind, key, hash, o2, o3, o4, o16 = line:match("^([^,]*),([^,]*),0x(%x+),(%d+),(%d+),(%d+),(%d+)$")
  if kind == "String" then
    local h = keymap.murmur3(key)
    if h < 0 then h = h + 4294967296 end
    assert(h == tonumber(hash, 16), ("hash of '%s': %08x, published %s"):format(key, h, hash))
    for count, owner in pairs({ [2] = o2, [3] = o3, [4] = o4, [16] = o16 }) do
      assert(keymap.owner(key, count) == tonumber(owner), ("owner of '%s' among %d"):format(key, count))
    end
    checked = checked + 1
  end
end
assert(checked >= 5, "no String vectors found")
print(("keymap.lua matches the %d published String vectors"):format(checked))
