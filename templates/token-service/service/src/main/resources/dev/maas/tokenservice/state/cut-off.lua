-- Removes from a user's index and records every token issued before a revoke-all's cut-off.
-- KEYS: the user's index, their records. ARGV: the cut-off (epoch second).
local before = tonumber(ARGV[1])
local all = redis.call('HGETALL', KEYS[2])
for i = 1, #all, 2 do
  if tonumber(cjson.decode(all[i + 1])['iat']) < before then
    redis.call('HDEL', KEYS[2], all[i])
    redis.call('ZREM', KEYS[1], all[i])
  end
end
return 0
