package triage.chat.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import triage.chat.ChatService;
import triage.chat.Deduplicator;

/** What the Slack request handlers share: the worker, the record of deliveries, JSON, the Web API and the message builder. */
record SlackParts(ChatService chat, Deduplicator seen, ObjectMapper json, SlackWebApi api, SlackBlocks blocks) {}
