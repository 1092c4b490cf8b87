-- wrk script for the ceiling: the application's liveness endpoint, same server, same run.
dofile("bench/report.lua")
