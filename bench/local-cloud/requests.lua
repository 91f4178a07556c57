-- Replays pre-signed request paths (signed_requests.py); thread i of n sends lines i, i+n, i+2n... so no nonce repeats.
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  local n = tonumber(os.getenv("WRK_THREADS") or "1")
  local index = 0
  for line in io.lines(os.getenv("REQUESTS_FILE")) do
    if index % n == id - 1 then
      paths[#paths + 1] = line
    end
    index = index + 1
  end
  next_path = 0
  errors = 0
end

function request()
  next_path = next_path + 1
  if next_path > #paths then
    next_path = 1
  end
  return wrk.format("GET", paths[next_path])
end

function response(status, headers, body)
  if status ~= 200 then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local non200 = 0
  for _, thread in ipairs(threads) do
    non200 = non200 + (thread:get("errors") or 0)
  end
  io.write(string.format("non-200 answers: %d\n", non200))
end
