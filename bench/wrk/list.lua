-- GET /api/tickets/?status=Open&page=N as the bench coordinator: the staff
-- list of Open tickets, newest first (the default ordering), 20 per page with
-- the total count, N uniformly random in 1..BENCH_LIST_PAGES (default 10).
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local pages, headers
function init(args)
   bench.seed_random()
   pages = tonumber(bench.env("BENCH_LIST_PAGES", "10"))
   headers = bench.auth_headers()
end
function request()
   return wrk.format("GET", "/api/tickets/?status=Open&page=" .. math.random(1, pages), headers)
end
