-- GET /healthz: liveness, no store call, no authentication (the baseline).
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
wrk.method = "GET"
wrk.path = "/healthz"
