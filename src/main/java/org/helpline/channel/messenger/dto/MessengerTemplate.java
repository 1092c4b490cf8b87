package org.helpline.channel.messenger.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A button template: a text of at most 640 characters and up to 3 buttons. */
public record MessengerTemplate(@JsonProperty("template_type") String templateType,
    String text, List<MessengerButton> buttons) {
}
