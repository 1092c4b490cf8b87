package org.helpline.channel.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.helpline.channel.web.dto.WebChatResponse;
import org.helpline.channel.web.dto.WebChatSource;
import org.helpline.conversation.ChatOutcome;
import org.helpline.conversation.ChatReply;
import org.junit.jupiter.api.Test;

/** The source of a web reply says whether a clinician has reviewed the answer, and when. */
class WebChatMapperTest {

  private static final ChatReply.Source PAGE = new ChatReply.Source("Cytokines",
      "https://www.cancerresearchuk.org/about-cancer");

  private static WebChatResponse answer(ChatReply.Source source, LocalDate reviewed) {
    ChatReply reply = new ChatReply("answer", "cytokines", 0.9,
        List.of(new ChatReply.Message("Cytokines are proteins.", List.of())), List.of(), null,
        null, source, reviewed);
    return WebChatMapper.toResponse(ChatOutcome.taken("c1", 1, reply, "v1"));
  }

  @Test
  void anAnswerWithoutAReviewDateSaysItIsAwaitingClinicalReview() {
    assertEquals(new WebChatSource("Cytokines", "https://www.cancerresearchuk.org/about-cancer",
        null, "awaiting_clinical_review"), answer(PAGE, null).source());
  }

  @Test
  void anAnswerWithAReviewDateGivesTheDateAndSaysReviewed() {
    assertEquals(new WebChatSource("Cytokines", "https://www.cancerresearchuk.org/about-cancer",
        "2027-02-03", "reviewed"), answer(PAGE, LocalDate.of(2027, 2, 3)).source());
  }

  @Test
  void aReplyWithoutContentHasNoSource() {
    assertNull(answer(null, null).source());
  }
}
