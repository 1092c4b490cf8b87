package org.helpline.channel.meta;

import java.util.Optional;

/**
 * One Meta platform's settings as its webhook needs them: the app secret that signs webhooks,
 * the token replies are sent with, and the verify token of the subscription handshake.
 */
public record MetaApp(Optional<String> appSecret, Optional<String> sendToken,
    Optional<String> verifyToken) {
}
