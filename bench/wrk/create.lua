-- POST /api/tickets/ as an Employee with a JSON body (no attachments, no
-- Idempotency-Key): every request raises a new ticket.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local headers, n
local subs = { "IT Infrastructure Management", "Software & Applications Deployment",
               "Network & Security Administration", "Technical Support & Troubleshooting",
               "System Maintenance" }
function init(args)
   bench.seed_random()
   headers = bench.auth_headers({ ["Content-Type"] = "application/json" })
   n = 0
end
function request()
   n = n + 1
   local body = string.format(
      '{"subject":"wrk printer trouble %d-%d","category":"IT Category","sub_category":"%s",' ..
      '"description":"The printer on floor %d does not print since this morning; please have a look."}',
      thread_index, n, subs[math.random(1, #subs)], math.random(0, 11))
   return wrk.format("POST", "/api/tickets/", headers, body)
end
