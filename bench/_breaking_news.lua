-- wrk script for bench/breaking_news.sh: each request is drawn at random from the mix (page read,
-- thread read, comment post), and each answer's latency is recorded per kind.
--
--   BN_PLAN=plan.txt BN_OUT=out.tsv wrk -tN -cN -s bench/_breaking_news.lua http://127.0.0.1:PORT
--
-- Run it with as many threads as connections (-tN -cN): a wrk thread then has one connection, whose
-- request() and response() alternate, so the time between them is that request's latency. wrk's
-- Lua API says nothing of connections, and with more than one per thread the answers could not be
-- matched to their requests.
--
-- The plan (written by bench/breaking_news.sh), one item a line:
--   weights PAGE THREAD POST    percentages of the mix
--   page PATH                   an anonymous page read (GET through nginx)
--   thread ARTICLE_ID           a thread read (GET /api/v1/articles/ID/comments)
--   post ARTICLE_ID LANGUAGE    an article to comment on
--   text LANGUAGE WORDS         a comment in that language; "{tag}" becomes a tag of its own
--   token TOKEN                 a reader's token; thread n posts with token n (round robin)
--   mark MARK                   the tags' prefix: MARK-<thread>-<counter>
--
-- BN_THINK_MS, if set and above 0, is a reader's pause between an answer and their next request:
-- drawn for each request from an exponential distribution with that mean (readers who arrive at
-- random). Unset, each connection sends its next request as soon as it has its answer.
--
-- BN_OUT receives, from done(): "count KIND STATUS N", "hist KIND BUCKET N" (latency bucket:
-- floor(ln(µs) / ln(1.01))), "lost KIND N" (sent, then the connection failed), "accepted ID TAG"
-- (every 201 to a post) and "inflight TAG" (a post still unanswered when wrk stopped).

local ffi = require("ffi")
ffi.cdef([[
typedef struct { long tv_sec; long tv_nsec; } bn_timespec;
int clock_gettime(int clock_id, bn_timespec *tp);
]])
local CLOCK_MONOTONIC = 1
local timespec = ffi.new("bn_timespec")
local function now_us()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, timespec)
  return tonumber(timespec.tv_sec) * 1e6 + tonumber(timespec.tv_nsec) / 1e3
end
local LOG_STEP = math.log(1.01)

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

-- Per thread: flat tables only (wrk copies them to done(); nested tables crash it).
counts, hist, lost, accepted, inflight, pending_tag = {}, {}, {}, {}, "", nil

local pages, thread_ids, posts, texts, tokens = {}, {}, {}, {}, {}
local weights = { 95, 4, 1 }
local mark, token, counter, pending = "bn", nil, 0, nil
local get_headers, post_headers = {}, {}

local function split(line)
  local words = {}
  for word in line:gmatch("%S+") do
    table.insert(words, word)
  end
  return words
end

function init(args)
  local plan = assert(io.open(assert(os.getenv("BN_PLAN"), "BN_PLAN is not set"), "r"))
  for line in plan:lines() do
    local words = split(line)
    local kind = words[1]
    if kind == "weights" then
      weights = { tonumber(words[2]), tonumber(words[3]), tonumber(words[4]) }
    elseif kind == "page" then
      table.insert(pages, words[2])
    elseif kind == "thread" then
      table.insert(thread_ids, words[2])
    elseif kind == "post" then
      table.insert(posts, { id = words[2], language = words[3] })
    elseif kind == "text" then
      texts[words[2]] = texts[words[2]] or {}
      table.insert(texts[words[2]], (line:gsub("^text %S+ ", "")))
    elseif kind == "token" then
      table.insert(tokens, words[2])
    elseif kind == "mark" then
      mark = words[2]
    end
  end
  plan:close()
  local number = thread_number or 1
  token = tokens[(number - 1) % #tokens + 1]
  mark = mark .. "-" .. number
  math.randomseed(number * 7919 + os.time())
  get_headers = { ["Accept-Language"] = "en" }
  post_headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
end

local think_ms = tonumber(os.getenv("BN_THINK_MS") or "") or 0
if think_ms > 0 then
  -- wrk calls delay() after each answer, before it asks request() for the next one.
  function delay()
    return math.floor(-think_ms * math.log(1 - math.random()) + 0.5)
  end
end

local function add(tbl, key, n)
  tbl[key] = (tbl[key] or 0) + (n or 1)
end

function request()
  if pending then -- sent, never answered: wrk reconnected after an error
    add(lost, pending.kind)
    if pending.tag then
      inflight = inflight .. pending.tag .. "\n"
    end
  end
  local draw = math.random() * (weights[1] + weights[2] + weights[3])
  local kind, req, tag
  if draw < weights[1] then
    kind = "page"
    req = wrk.format("GET", pages[math.random(#pages)], get_headers)
  elseif draw < weights[1] + weights[2] then
    kind = "thread"
    req = wrk.format("GET", "/api/v1/articles/" .. thread_ids[math.random(#thread_ids)] .. "/comments", get_headers)
  else
    kind = "post"
    counter = counter + 1
    tag = mark .. "-" .. counter
    local article = posts[math.random(#posts)]
    local choices = texts[article.language]
    local words = choices[math.random(#choices)]:gsub("{tag}", tag)
    local body = '{"text": "' .. words .. '"}'
    req = wrk.format("POST", "/api/v1/articles/" .. article.id .. "/comments", post_headers, body)
  end
  pending, pending_tag = { kind = kind, tag = tag, started = now_us() }, tag
  return req
end

function response(status, headers, body)
  local done_at = now_us()
  local p = pending
  pending, pending_tag = nil, nil
  if not p then
    return
  end
  add(counts, p.kind .. " " .. status)
  add(hist, p.kind .. " " .. math.floor(math.log(math.max(done_at - p.started, 1)) / LOG_STEP))
  if p.kind == "post" and status == 201 then
    local id = body:match('"id"%s*:%s*(%d+)')
    table.insert(accepted, (id or "?") .. " " .. p.tag)
  end
end

function done(summary, latency, requests)
  local out = assert(io.open(assert(os.getenv("BN_OUT"), "BN_OUT is not set"), "w"))
  for _, thread in ipairs(threads) do
    for key, n in pairs(thread:get("counts") or {}) do
      out:write("count ", key, " ", n, "\n")
    end
    for key, n in pairs(thread:get("hist") or {}) do
      out:write("hist ", key, " ", n, "\n")
    end
    for key, n in pairs(thread:get("lost") or {}) do
      out:write("lost ", key, " ", n, "\n")
    end
    for _, line in pairs(thread:get("accepted") or {}) do
      out:write("accepted ", line, "\n")
    end
    for tag in (thread:get("inflight") or ""):gmatch("%S+") do
      out:write("inflight ", tag, "\n")
    end
    local tag = thread:get("pending_tag")
    if tag then
      out:write("inflight ", tag, "\n")
    end
  end
  out:close()
end
