-- wrk script: POST a body in which every "{n}" becomes a tag that no other request of the run
-- shares, so that servers refusing duplicate comments accept every one of them.
--
--   wrk -s bench/_unique_post.lua -H 'Content-Type: application/json' URL -- TAG 'BODY'
--
-- The tag is TAG-<wrk thread>-<request number>; give every wrk run its own TAG. Headers come from
-- wrk's -H options; the path and query from URL.

local started = 0

function setup(thread)
  started = started + 1
  thread:set("thread_number", started)
end

local prefix, template, counter = "run", '{"text": "comment {n}"}', 0

function init(args)
  prefix = (args[1] or prefix) .. "-" .. tostring(thread_number or 1)
  template = args[2] or template
end

function request()
  counter = counter + 1
  -- gsub returns the count too: keep only the string. The tag holds no "%", so it is literal.
  local body = (template:gsub("{n}", prefix .. "-" .. counter))
  return wrk.format("POST", nil, nil, body)
end
