package triage.chat.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import triage.chat.ChatParts;
import triage.chat.ChatService;
import triage.chat.Deduplicator;

/** What the Slack request handlers share: what every adapter is built from, the Web API and the message builder. */
record SlackParts(ChatParts shared, SlackWebApi api, SlackBlocks blocks) {
    ChatService chat() { return shared.chat(); }

    Deduplicator seen() { return shared.seen(); }

    ObjectMapper json() { return shared.json(); }
}
