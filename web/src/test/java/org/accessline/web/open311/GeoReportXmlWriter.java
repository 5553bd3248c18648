package org.accessline.web.open311;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** The stand-in server's answers in the spec's XML: the root and list item names per call, as the spec's examples give them. */
final class GeoReportXmlWriter {
  private GeoReportXmlWriter() {}

  static String write(String path, Object body) {
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    if (body instanceof JsonObject definition) {
      out.append("<service_definition>");
      fields(out, definition);
      out.append("</service_definition>");
      return out.toString();
    }
    JsonArray list = (JsonArray) body;
    boolean errors = !list.isEmpty() && list.getJsonObject(0).containsKey("code") && list.getJsonObject(0).containsKey("description")
        && !list.getJsonObject(0).containsKey("service_request_id") && !list.getJsonObject(0).containsKey("service_code");
    String root = errors ? "errors" : path.contains("/services") ? "services" : "service_requests";
    String item = errors ? "error" : path.contains("/services") ? "service" : "request";
    out.append('<').append(root).append('>');
    for (Object o : list) {
      out.append('<').append(item).append('>');
      fields(out, (JsonObject) o);
      out.append("</").append(item).append('>');
    }
    return out.append("</").append(root).append('>').toString();
  }

  private static void fields(StringBuilder out, JsonObject o) {
    for (Map.Entry<String, Object> f : o) {
      out.append('<').append(f.getKey()).append('>');
      if (f.getValue() instanceof JsonArray list) {
        String item = f.getKey().equals("attributes") ? "attribute" : "value";
        for (Object v : list) {
          out.append('<').append(item).append('>');
          fields(out, (JsonObject) v);
          out.append("</").append(item).append('>');
        }
      } else if (f.getValue() != null) {
        out.append(escape(String.valueOf(f.getValue())));
      }
      out.append("</").append(f.getKey()).append('>');
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
