package org.accessline.web.quality;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.accessline.gateway.quality.Question;
import org.accessline.gateway.quality.Scorecard;
import org.accessline.gateway.quality.Section;
import org.accessline.gateway.quality.Severity;

/** A scorecard as JSON: how it is published, stored and shown. Reading fails with IllegalArgumentException, saying what is wrong. */
public final class ScorecardJson {
  private ScorecardJson() {}

  public static JsonObject json(Scorecard card) {
    JsonArray sections = new JsonArray();
    for (Section s : card.sections()) {
      JsonArray questions = new JsonArray();
      for (Question q : s.questions()) {
        JsonObject json = new JsonObject().put("id", q.id()).put("text", q.text()).put("kind", kind(q)).put("weight", q.weight())
            .put("severity", q.severity().wireName()).put("allowsNotApplicable", q.allowsNotApplicable());
        if (q instanceof Question.Choice c) {
          JsonArray options = new JsonArray();
          c.options().forEach(o -> options.add(new JsonObject().put("id", o.id()).put("label", o.label()).put("points", o.points())));
          json.put("options", options);
        }
        questions.add(json);
      }
      sections.add(new JsonObject().put("id", s.id()).put("title", s.title()).put("weight", s.weight()).put("questions", questions));
    }
    return new JsonObject().put("name", card.name()).put("sections", sections);
  }

  private static String kind(Question q) {
    return q instanceof Question.YesNo ? "yesno" : q instanceof Question.Scale ? "scale" : "choice";
  }

  public static Scorecard parse(JsonObject json) {
    try {
      List<Section> sections = new ArrayList<>();
      JsonArray sectionsJson = array(json, "sections");
      for (int i = 0; i < sectionsJson.size(); i++) {
        JsonObject s = sectionsJson.getJsonObject(i);
        List<Question> questions = new ArrayList<>();
        JsonArray questionsJson = array(s, "questions");
        for (int j = 0; j < questionsJson.size(); j++) questions.add(question(questionsJson.getJsonObject(j)));
        sections.add(new Section(s.getString("id"), s.getString("title"), s.getInteger("weight", 1), questions));
      }
      return new Scorecard(json.getString("name"), sections);
    } catch (ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException("a scorecard is {name, sections: [{id, title, weight, questions: [{id, text, kind, weight, severity, allowsNotApplicable, options}]}]}");
    }
  }

  private static Question question(JsonObject q) {
    String id = q.getString("id");
    String text = q.getString("text");
    int weight = q.getInteger("weight", 1);
    Severity severity = Severity.parse(q.getString("severity", "normal"))
        .orElseThrow(() -> new IllegalArgumentException("question " + id + ": severity is normal, critical or fatal"));
    boolean na = q.getBoolean("allowsNotApplicable", false);
    String kind = q.getString("kind", "");
    switch (kind) {
      case "yesno":
        return new Question.YesNo(id, text, weight, severity, na);
      case "scale":
        return new Question.Scale(id, text, weight, severity, na);
      case "choice":
        List<Question.Option> options = new ArrayList<>();
        JsonArray optionsJson = array(q, "options");
        for (int k = 0; k < optionsJson.size(); k++) {
          JsonObject o = optionsJson.getJsonObject(k);
          options.add(new Question.Option(o.getString("id"), o.getString("label"), o.getInteger("points", -1)));
        }
        return new Question.Choice(id, text, weight, severity, na, options);
      default:
        throw new IllegalArgumentException("question " + id + ": kind is yesno, scale or choice");
    }
  }

  private static JsonArray array(JsonObject json, String field) {
    JsonArray a = json.getJsonArray(field);
    if (a == null) throw new IllegalArgumentException("\"" + field + "\" must be a list");
    return a;
  }
}
