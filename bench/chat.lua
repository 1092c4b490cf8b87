-- wrk script: POST /api/v1/chat with varied, realistic messages on many conversations.
-- Run with as many wrk threads as connections (bench/load.sh does): each thread then owns one
-- connection and one conversation at a time, so a conversation's turns go one after another,
-- as a person's do. The thread continues the conversation with the id the bot returned and
-- starts a fresh one after 8 turns. Messages come from the development and safety sets
-- (bench/messages.txt, written by bench/load.sh); each thread starts at its own offset.

local messages = {}
local conversation = nil
local turns = 0
local next_message = 1

function init(args)
  for line in io.lines("bench/messages.txt") do
    if line ~= "" then messages[#messages + 1] = line end
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
  next_message = math.random(#messages)
end

local function escape(s)
  return (s:gsub('\\', '\\\\'):gsub('"', '\\"'))
end

function request()
  next_message = next_message % #messages + 1
  local text = escape(messages[next_message])
  local body
  if conversation ~= nil and turns < 8 then
    body = '{"conversationId":"' .. conversation .. '","text":"' .. text .. '"}'
  else
    conversation = nil
    turns = 0
    body = '{"text":"' .. text .. '"}'
  end
  return wrk.format("POST", "/api/v1/chat", {["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  if status == 200 then
    conversation = body:match('"conversationId":"([^"]+)"')
    turns = turns + 1
  else
    conversation = nil
  end
end

dofile("bench/report.lua")
