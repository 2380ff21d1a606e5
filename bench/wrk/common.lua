-- Shared by the bench/wrk/*.lua scenarios of bench/http_bench.sh.
-- Settings come from the environment (BENCH_*), set by the script.

bench = {}

function bench.env(name, default)
   local v = os.getenv(name)
   if v == nil or v == "" then
      if default == nil then
         error("bench/wrk: " .. name .. " is not set")
      end
      return default
   end
   return v
end

-- Numbers the wrk threads (0, 1, ...) so each can seed its own randomness
-- and take its own slice of an id range.
local next_thread = 0
function setup(thread)
   thread:set("thread_index", next_thread)
   next_thread = next_thread + 1
end

function bench.seed_random()
   math.randomseed(os.time() * 1000 + (thread_index or 0) * 7919 + math.floor(os.clock() * 1e6))
   math.random(); math.random()
end

function bench.auth_headers(extra)
   local h = { ["Authorization"] = "Bearer " .. bench.env("BENCH_TOKEN") }
   for k, v in pairs(extra or {}) do h[k] = v end
   return h
end

-- One line the script parses: totals, latency percentiles (microseconds) and
-- wrk's error counts (`status` = responses with a status of 400 or more).
function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "BENCH_RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d " ..
      "err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d\n",
      summary.requests, summary.duration,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
      e.connect, e.read, e.write, e.status, e.timeout))
end
