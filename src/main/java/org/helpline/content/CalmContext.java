package org.helpline.content;

import java.util.List;

/**
 * Words that say a message only mentions an alarming word: the past ("years ago"), a "what
 * if", or study and stories ("an essay on"). From {@code calm:} in
 * {@code dialogs/_system/safety.yml}.
 *
 * @param emergency phrases about the past or someone else's story that stop the medical
 *     emergency rules, except those that say {@code calmContext: false}
 * @param hypothetical "what if" phrases that stop every medical emergency rule (not self-harm:
 *     "what if I took all my pills" is itself a warning sign)
 * @param any phrases that stop every rule (study, fiction, statistics)
 * @param now phrases that say it is happening now after all; any of them keeps every rule on
 */
public record CalmContext(List<String> emergency, List<String> hypothetical, List<String> any,
    List<String> now) {

  public CalmContext {
    emergency = emergency == null ? List.of() : List.copyOf(emergency);
    hypothetical = hypothetical == null ? List.of() : List.copyOf(hypothetical);
    any = any == null ? List.of() : List.copyOf(any);
    now = now == null ? List.of() : List.copyOf(now);
  }

  /** No calm context: every mention counts. */
  public static CalmContext none() {
    return new CalmContext(List.of(), List.of(), List.of(), List.of());
  }
}
