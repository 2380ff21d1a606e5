-- GET /api/tickets/{id}/ as the bench coordinator (staff: sees every ticket),
-- id uniformly random over the seeded range [BENCH_FIRST_ID, BENCH_LAST_ID].
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local first, last, headers
function init(args)
   bench.seed_random()
   first = tonumber(bench.env("BENCH_FIRST_ID"))
   last = tonumber(bench.env("BENCH_LAST_ID"))
   headers = bench.auth_headers()
end
function request()
   return wrk.format("GET", "/api/tickets/" .. math.random(first, last) .. "/", headers)
end
