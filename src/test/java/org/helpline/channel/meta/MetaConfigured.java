package org.helpline.channel.meta;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * WhatsApp and Messenger enabled, both sending to the local {@link GraphApiStub}, with each
 * send attempt cut off after 1 s instead of 5 s so that a hanging Graph API is given up on
 * within a test's patience.
 */
public class MetaConfigured implements QuarkusTestProfile {

  public static final String WHATSAPP_SECRET = "wa-app-secret-4f1c9e0b7d2a";
  public static final String WHATSAPP_VERIFY = "wa-verify-token-83kd02";
  public static final String WHATSAPP_TOKEN = "EAAwhatsappTestToken123";
  public static final String MESSENGER_SECRET = "fb-app-secret-9a8b7c6d5e4f";
  public static final String MESSENGER_VERIFY = "fb-verify-token-5hs71q";
  public static final String MESSENGER_TOKEN = "EAAmessengerTestToken456";

  @Override
  public Map<String, String> getConfigOverrides() {
    String graph = GraphApiStub.baseUrl();
    return Map.ofEntries(
        Map.entry("helpline.channels.whatsapp.app-secret", WHATSAPP_SECRET),
        Map.entry("helpline.channels.whatsapp.verify-token", WHATSAPP_VERIFY),
        Map.entry("helpline.channels.whatsapp.access-token", WHATSAPP_TOKEN),
        Map.entry("helpline.channels.whatsapp.api-base-url", graph),
        Map.entry("helpline.channels.messenger.app-secret", MESSENGER_SECRET),
        Map.entry("helpline.channels.messenger.verify-token", MESSENGER_VERIFY),
        Map.entry("helpline.channels.messenger.page-access-token", MESSENGER_TOKEN),
        Map.entry("helpline.channels.messenger.api-base-url", graph),
        Map.entry("quarkus.fault-tolerance.\"org.helpline.channel.messaging.PlatformClient/send\""
            + ".timeout.value", "1000"));
  }
}
