-- wrk script for bench/drill_flood.sh: FLOOD_TOTAL comment posts from one reader (FLOOD_TOKEN), each
-- text unique (FLOOD_MARK-<thread>-<n>), shared among FLOOD_THREADS wrk threads; every thread stops
-- after its share (and leaves a file FLOOD_OUT.done-<thread>). done() writes to FLOOD_OUT:
-- "count STATUS N", "retry_after N" (429 answers with a Retry-After header) and "accepted ID TAG"
-- for every 201.
--
--   FLOOD_TOKEN=… FLOOD_TOTAL=10000 FLOOD_THREADS=2 FLOOD_OUT=out.txt FLOOD_MARK=fl1 \
--     wrk -t2 -c20 -d600s -s bench/_flood.lua http://127.0.0.1:PORT/api/v1/articles/ID/comments

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

-- Per thread: flat tables only (wrk copies them to done(); nested tables crash it).
counts, accepted, retry_after = {}, {}, 0
local share, sent, answered, prefix, headers = 0, 0, 0, "flood", {}

function init(args)
  local number = thread_number or 1
  local total = tonumber(os.getenv("FLOOD_TOTAL") or "10000")
  local count = tonumber(os.getenv("FLOOD_THREADS") or "1")
  share = math.floor(total / count) + ((number <= total % count) and 1 or 0)
  prefix = (os.getenv("FLOOD_MARK") or "flood") .. "-" .. number
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("FLOOD_TOKEN") }
end

function request()
  sent = sent + 1
  local tag = prefix .. "-" .. sent
  local body = '{"text": "Flooding the thread again and again, ' .. tag .. ' read this now."}'
  return wrk.format("POST", nil, headers, body)
end

function response(status, response_headers, body)
  answered = answered + 1
  counts[status] = (counts[status] or 0) + 1
  if status == 429 and response_headers["Retry-After"] then
    retry_after = retry_after + 1
  end
  if status == 201 then
    -- The text holds the tag: take it from the answer, whatever connection it came on.
    local id = body:match('"id"%s*:%s*(%d+)')
    local tag = body:match("(" .. prefix:gsub("%-", "%%-") .. "%-%d+)")
    table.insert(accepted, (id or "?") .. " " .. (tag or "?"))
  end
  if answered >= share then
    -- wrk's main thread sleeps out -d before it collects the threads: the drill watches for these
    -- files and interrupts wrk (SIGINT) once every thread has stopped.
    local mark_file = io.open(os.getenv("FLOOD_OUT") .. ".done-" .. (thread_number or 1), "w")
    if mark_file then
      mark_file:close()
    end
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local out = assert(io.open(assert(os.getenv("FLOOD_OUT"), "FLOOD_OUT is not set"), "w"))
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("counts") or {}) do
      out:write("count ", status, " ", n, "\n")
    end
    out:write("retry_after ", thread:get("retry_after") or 0, "\n")
    for _, line in pairs(thread:get("accepted") or {}) do
      out:write("accepted ", line, "\n")
    end
  end
  out:close()
end
