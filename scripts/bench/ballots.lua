-- Each wrk thread posts its own share of the serials, once each.
local counter = 1
local threads = {}
function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end
function init(args)
  serials = {}
  for line in io.lines(os.getenv("SERIALS")) do serials[#serials + 1] = line end
  nthreads = tonumber(os.getenv("THREADS"))
  i = 0
  created = 0
  conflicts = 0
  others = 0
  body = '{"answers":{"decision":"approve"}}'
end
function request()
  local n = (i * nthreads + id - 1) % #serials + 1
  i = i + 1
  return wrk.format("POST", "/api/v1/ballots/" .. serials[n], { ["Content-Type"] = "application/json" }, body)
end
function response(status, headers, body)
  if status == 201 then created = created + 1 elseif status == 409 then conflicts = conflicts + 1 else others = others + 1 end
end
function done(summary, latency, requests)
  local c, k, o = 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created"); k = k + t:get("conflicts"); o = o + t:get("others")
  end
  io.write(string.format("RESULT created=%d conflicts=%d others=%d p50=%d p99=%d\n", c, k, o,
    latency:percentile(50), latency:percentile(99)))
end
