package org.accessline.gateway.quality;

import java.util.List;

/** The scorecard a new 311 center starts with, seeded as version 1 of "311-contact" on first start. */
public final class StarterScorecard {
  public static final String ID = "311-contact";

  private StarterScorecard() {}

  public static Scorecard card() {
    return new Scorecard("311 contact review", List.of(
        new Section("greeting", "Greeting", 10, List.of(
            new Question.YesNo("greeted", "Greeted the resident with the center's name and their own name", 1, Severity.NORMAL, false),
            new Question.Scale("tone", "Courteous, plain-language tone throughout", 1, Severity.NORMAL, false))),
        new Section("tty-relay", "TTY and relay etiquette", 15, List.of(
            new Question.YesNo("never-hung-up", "Stayed on a TTY or relay call and never hung up on it", 1, Severity.FATAL, true),
            new Question.YesNo("turn-taking", "Ended each turn with GA and waited for the resident's GA", 1, Severity.NORMAL, true),
            new Question.YesNo("short-replies", "Kept replies short and said when putting on hold or transferring", 1, Severity.NORMAL, true))),
        new Section("emergency", "Emergency guidance", 20, List.of(
            new Question.YesNo("guided-911", "Gave 911 guidance at once when the resident described an emergency", 1, Severity.CRITICAL, true))),
        new Section("accuracy", "Accuracy of information", 25, List.of(
            new Question.Scale("accurate", "Information given was accurate and complete", 2, Severity.NORMAL, false),
            new Question.YesNo("verified", "Checked the directory or knowledge base before answering", 1, Severity.NORMAL, true))),
        new Section("resolution", "Referral or service request", 20, List.of(
            new Question.Choice("outcome", "Referred the resident or created the service request correctly", 1, Severity.NORMAL, true, List.of(
                new Question.Option("right", "Right agency or request, details complete", 100),
                new Question.Option("partial", "Right agency or request, details missing", 50),
                new Question.Option("wrong", "Wrong agency or request, or none when one was needed", 0))))),
        new Section("closing", "Closing", 10, List.of(
            new Question.YesNo("asked-anything-else", "Asked whether the resident needed anything else (GA OR SK)", 1, Severity.NORMAL, false),
            new Question.YesNo("recorded", "Filed the category and disposition", 1, Severity.NORMAL, false)))));
  }
}
