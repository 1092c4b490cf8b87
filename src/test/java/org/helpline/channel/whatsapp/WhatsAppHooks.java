package org.helpline.channel.whatsapp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.helpline.channel.meta.MetaRequests;

/** WhatsApp webhook bodies for tests: the recorded ones, from a fresh number. */
public final class WhatsAppHooks {

  /** The business number's id in the recorded bodies. */
  public static final String BUSINESS_NUMBER_ID = "106540352242922";

  private WhatsAppHooks() {
  }

  /** A fresh WhatsApp number (the drama range), so no two tests share a conversation. */
  public static String newNumber() {
    return "447700" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
  }

  public static String newWamid() {
    return "wamid.HBgM" + UUID.randomUUID().toString().replace("-", "").toUpperCase() + "AA==";
  }

  /** The recorded body from this number, with a fresh message id. */
  public static ObjectNode from(String name, String number) {
    ObjectNode body = MetaRequests.recorded("whatsapp", name);
    ObjectNode value = (ObjectNode) body.get("entry").get(0).get("changes").get(0).get("value");
    if (value.has("contacts")) {
      ((ObjectNode) value.get("contacts").get(0)).put("wa_id", number);
    }
    if (value.has("messages")) {
      ObjectNode message = (ObjectNode) value.get("messages").get(0);
      message.put("from", number);
      message.put("id", newWamid());
    }
    if (value.has("statuses")) {
      ((ObjectNode) value.get("statuses").get(0)).put("recipient_id", number);
    }
    return body;
  }

  public static ObjectNode text(String number, String text) {
    ObjectNode body = from("text-message.json", number);
    ((ObjectNode) message(body).get("text")).put("body", text);
    return body;
  }

  public static ObjectNode message(ObjectNode body) {
    return (ObjectNode) body.at("/entry/0/changes/0/value/messages/0");
  }

  /** The recorded button tap from this number, tapping the button with this id. */
  public static ObjectNode tap(String number, String id) {
    ObjectNode body = from("button-reply.json", number);
    ((ObjectNode) message(body).get("interactive").get("button_reply")).put("id", id);
    return body;
  }
}
