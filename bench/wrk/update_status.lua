-- POST /api/tickets/{id}/update-status/ as the bench coordinator, who holds
-- every ticket of [BENCH_UPDATE_FIRST, BENCH_UPDATE_LAST] In Progress.
-- The range is cut into one disjoint slice per wrk thread (BENCH_THREADS);
-- each thread walks its slice in order, sending "On Hold" on even passes and
-- "In Progress" on odd ones, so every request is a valid lifecycle edge and
-- no two requests in flight touch the same ticket (a slice is thousands of
-- ids, far more than a thread's connections).
--
-- wrk calls request() once on thread 0's state before the run to check the
-- script and throws that request away (script_verify_request in wrk 4.x).
-- That first call therefore answers with a request for the spare ticket
-- BENCH_UPDATE_SPARE (In Progress, outside the walked range) and does not
-- advance the walk: discarded, nothing is lost; sent by a wrk that does not
-- make that call, it is still a valid In Progress -> On Hold.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local lo, hi, id, pass, headers, spare
function init(args)
   local first = tonumber(bench.env("BENCH_UPDATE_FIRST"))
   local last = tonumber(bench.env("BENCH_UPDATE_LAST"))
   local threads = tonumber(bench.env("BENCH_THREADS"))
   local span = math.floor((last - first + 1) / threads)
   lo = first + thread_index * span
   hi = lo + span - 1
   id, pass = lo, 0
   spare = thread_index == 0 and tonumber(bench.env("BENCH_UPDATE_SPARE")) or nil
   headers = bench.auth_headers({ ["Content-Type"] = "application/json" })
end
function request()
   if spare then
      local r = wrk.format("POST", "/api/tickets/" .. spare .. "/update-status/", headers, '{"status":"On Hold"}')
      spare = nil
      return r
   end
   local status = (pass % 2 == 0) and "On Hold" or "In Progress"
   local r = wrk.format("POST", "/api/tickets/" .. id .. "/update-status/", headers,
                        '{"status":"' .. status .. '"}')
   id = id + 1
   if id > hi then
      id, pass = lo, pass + 1
   end
   return r
end
