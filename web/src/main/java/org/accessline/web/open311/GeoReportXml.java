package org.accessline.web.open311;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * GeoReport v2's XML as the tree its JSON format gives: the list elements become arrays, other
 * elements with children objects, the rest text. No DTD is read, so no entity reaches a file or the
 * network.
 */
final class GeoReportXml {
  /** The elements the spec uses for lists; any other element with children is one object. */
  private static final Set<String> LISTS = Set.of("services", "attributes", "values", "service_requests", "errors");

  private GeoReportXml() {}

  static Object tree(String body) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      factory.setXIncludeAware(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      Element root = builder.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
      return convert(root);
    } catch (GeoReport.Malformed e) {
      throw e;
    } catch (Exception e) {
      throw new GeoReport.Malformed("the answer is not well-formed XML");
    }
  }

  private static Object convert(Element element) {
    NodeList children = element.getChildNodes();
    boolean list = LISTS.contains(element.getTagName());
    JsonArray items = new JsonArray();
    JsonObject fields = new JsonObject();
    boolean hasElements = false;
    for (int i = 0; i < children.getLength(); i++) {
      Node n = children.item(i);
      if (!(n instanceof Element child)) continue;
      hasElements = true;
      if (list) items.add(convert(child));
      else fields.put(child.getTagName(), convert(child));
    }
    if (list) return items;
    return hasElements ? fields : element.getTextContent().strip();
  }
}
