-- Records one issued token of a user unless they hold the cap of live tokens already.
-- KEYS: the user's index (jti scored by expiry), their records (jti to JSON), their cut-off.
-- ARGV: now, cap (negative: none), jti, expiry, record JSON, issued-at, seconds to keep past expiry.
-- Answers 1 when recorded (or covered by a cut-off, so never live), 0 at the cap.
local now = tonumber(ARGV[1])
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[1])
if #expired > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[1])
  redis.call('HDEL', KEYS[2], unpack(expired))
end
local cap = tonumber(ARGV[2])
if cap >= 0 and redis.call('ZCARD', KEYS[1]) >= cap then
  return 0
end
-- A revoke-all that reached Redis first removed the user's older tokens; this one is covered too.
local cut = redis.call('GET', KEYS[3])
if cut and tonumber(ARGV[6]) < tonumber(cjson.decode(cut)['before']) then
  return 1
end
redis.call('ZADD', KEYS[1], ARGV[4], ARGV[3])
redis.call('HSET', KEYS[2], ARGV[3], ARGV[5])
local keep = tonumber(ARGV[4]) + tonumber(ARGV[7]) - now
if redis.call('TTL', KEYS[1]) < keep then
  redis.call('EXPIRE', KEYS[1], keep)
  redis.call('EXPIRE', KEYS[2], keep)
end
return 1
