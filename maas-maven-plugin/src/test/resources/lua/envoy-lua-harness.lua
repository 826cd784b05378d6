-- Runs an Envoy Lua filter script for one request and response, with the parts of Envoy's Lua API
-- the script uses: headers():get, streamInfo():dynamicMetadata():get/set, bodyChunks() and a
-- chunk's length() and getBytes(index, length). Envoy runs the script with LuaJIT, as this does.
--
-- luajit envoy-lua-harness.lua SCRIPT PATH CONTENT_TYPE BODY_FILE CHUNKING NAMESPACE
--   CHUNKING: a chunk size in bytes, or "splits" to run once for every way of cutting the body in
--   two. Prints each distinct dynamic metadata of NAMESPACE that the runs leave, one line each, as
--   sorted key=value pairs joined by ";" (an empty line: nothing was written), and fails when the
--   script writes another namespace.
local script, path, content_type, body_file, chunking, namespace_read =
  arg[1], arg[2], arg[3], arg[4], arg[5], arg[6]

local file = assert(io.open(body_file, "rb"))
local body = file:read("*a")
file:close()

local function headers(values)
  return {
    get = function(_, name)
      return values[name]
    end,
  }
end

local function run(chunks)
  local metadata = {}
  local dynamic = {
    set = function(_, namespace, key, value)
      assert(type(value) == "string", "a metadata value is a string")
      assert(namespace == namespace_read, "the script writes the namespace the access log reads")
      metadata[namespace] = metadata[namespace] or {}
      metadata[namespace][key] = value
    end,
    get = function(_, namespace)
      return metadata[namespace]
    end,
  }
  local info = {
    dynamicMetadata = function()
      return dynamic
    end,
  }
  dofile(script)
  envoy_on_request({
    headers = function()
      return headers({ [":path"] = path, [":method"] = "POST" })
    end,
    streamInfo = function()
      return info
    end,
  })
  local next_chunk, drained = 0, false
  envoy_on_response({
    headers = function()
      return headers({ ["content-type"] = content_type ~= "" and content_type or nil, [":status"] = "200" })
    end,
    streamInfo = function()
      return info
    end,
    bodyChunks = function()
      return function()
        next_chunk = next_chunk + 1
        local bytes = chunks[next_chunk]
        if bytes == nil then
          drained = true
          return nil
        end
        return {
          length = function()
            return #bytes
          end,
          getBytes = function(_, index, length)
            assert(index >= 0 and index + length <= #bytes, "getBytes within the chunk")
            return string.sub(bytes, index + 1, index + length)
          end,
        }
      end
    end,
  })
  local usage = metadata[namespace_read] or {}
  local keys = {}
  for key in pairs(usage) do
    keys[#keys + 1] = key
  end
  table.sort(keys)
  local parts = {}
  for _, key in ipairs(keys) do
    parts[#parts + 1] = key .. "=" .. usage[key]
  end
  return table.concat(parts, ";"), drained or next_chunk == 0
end

local seen, order = {}, {}
local function record(line)
  if not seen[line] then
    seen[line] = true
    order[#order + 1] = line
  end
end

if chunking == "splits" then
  for cut = 1, #body - 1 do
    local line, drained = run({ string.sub(body, 1, cut), string.sub(body, cut + 1) })
    if not drained then
      line = line .. " (body not drained)"
    end
    record(line)
  end
else
  local size = tonumber(chunking)
  local chunks = {}
  for from = 1, #body, size do
    chunks[#chunks + 1] = string.sub(body, from, from + size - 1)
  end
  local line, drained = run(chunks)
  if not drained then
    line = line .. " (body not drained)"
  end
  record(line)
end

for _, line in ipairs(order) do
  print(line)
end
