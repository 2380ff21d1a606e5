-- POST /api/token/employee/ with the email and password of one of the
-- BENCH_LOGIN_EMAILS accounts (space-separated, picked at random): PBKDF2
-- verification at the seeded iteration count, then a stored session.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local bodies, headers
function init(args)
   bench.seed_random()
   local password = bench.env("BENCH_PASSWORD")
   bodies = {}
   for email in string.gmatch(bench.env("BENCH_LOGIN_EMAILS"), "%S+") do
      bodies[#bodies + 1] = '{"email":"' .. email .. '","password":"' .. password .. '"}'
   end
   headers = { ["Content-Type"] = "application/json" }
end
function request()
   return wrk.format("POST", "/api/token/employee/", headers, bodies[math.random(1, #bodies)])
end
