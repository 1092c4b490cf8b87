-- wrk script: POST /api/v1/chat with varied, realistic messages on many conversations.
-- Each wrk thread keeps up to 64 conversations, continues them from the ids the bot returns,
-- and starts a fresh one after 8 turns. Messages come from the held-out and safety sets
-- (bench/messages.txt, written by bench/load.sh).

local messages = {}
local conversations = {}
local turns = {}
local slot = 0
local last_slot = 0

function init(args)
  for line in io.lines("bench/messages.txt") do
    if line ~= "" then messages[#messages + 1] = line end
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

local function escape(s)
  return (s:gsub('\\', '\\\\'):gsub('"', '\\"'))
end

function request()
  slot = slot % 64 + 1
  last_slot = slot
  local text = escape(messages[math.random(#messages)])
  local body
  local id = conversations[slot]
  if id ~= nil and (turns[slot] or 0) < 8 then
    body = '{"conversationId":"' .. id .. '","text":"' .. text .. '"}'
  else
    conversations[slot] = nil
    turns[slot] = 0
    body = '{"text":"' .. text .. '"}'
  end
  return wrk.format("POST", "/api/v1/chat", {["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  if status == 200 then
    local id = body:match('"conversationId":"([^"]+)"')
    if id ~= nil then
      conversations[last_slot] = id
      turns[last_slot] = (turns[last_slot] or 0) + 1
    end
  end
end

function done(summary, latency, requests)
  io.write(string.format("errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
