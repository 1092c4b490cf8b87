package org.helpline.dialog;

import java.time.Instant;
import org.helpline.nlu.Classification;
import org.helpline.safety.SafetyResult;

/**
 * Everything the engine knows about the person's message: the safety screen's verdict, the
 * classifier's ranking, whether it was a tapped quick reply, and the time.
 */
public record UserTurn(SafetyResult safety, Classification nlu, boolean quickReply,
    Instant now) {
}
