package org.accessline.gateway.conversation;

/** A file a resident sent with a message (an MMS picture, say): where it is kept, and its type. */
public record Attachment(String url, String contentType) {
  public Attachment {
    if (url == null || !url.matches("https?://\\S{1,2000}")) throw new IllegalArgumentException("an attachment needs an http(s) URL");
    if (contentType == null || !contentType.matches("[A-Za-z0-9!#$&^_.+-]{1,64}/[A-Za-z0-9!#$&^_.+-]{1,64}")) {
      throw new IllegalArgumentException("an attachment needs a content type such as image/jpeg");
    }
  }
}
