-- wrk script: POST a body in which every "{n}" becomes a tag that no other request of the run
-- shares, so that servers refusing duplicate comments accept every one of them.
--
--   wrk -s bench/_unique_post.lua -H 'Content-Type: application/json' URL -- TAG 'BODY' [TOKENS]
--
-- The tag is TAG-<wrk thread>-<request number>; give every wrk run its own TAG. Headers come from
-- wrk's -H options; the path and query from URL. With TOKENS, a file of bearer tokens (one a line),
-- the posts are signed with each token in turn: many readers posting, as on a busy story, rather
-- than one reader posting thousands of comments.

local started = 0

function setup(thread)
  started = started + 1
  thread:set("thread_number", started)
end

local prefix, template, counter = "run", '{"text": "comment {n}"}', 0
local tokens = {}

function init(args)
  prefix = (args[1] or prefix) .. "-" .. tostring(thread_number or 1)
  template = args[2] or template
  if args[3] then
    for line in io.lines(args[3]) do
      if line ~= "" then
        table.insert(tokens, line)
      end
    end
    -- Each wrk thread starts at its own place in the list.
    counter = ((thread_number or 1) - 1) * 7919
  end
end

function request()
  counter = counter + 1
  -- gsub returns the count too: keep only the string. The tag holds no "%", so it is literal.
  local body = (template:gsub("{n}", prefix .. "-" .. counter))
  local headers = nil -- wrk's own, from -H
  if #tokens > 0 then
    headers = {}
    for name, value in pairs(wrk.headers) do
      headers[name] = value
    end
    headers["Authorization"] = "Bearer " .. tokens[counter % #tokens + 1]
  end
  return wrk.format("POST", nil, headers, body)
end
