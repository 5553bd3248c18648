package org.accessline.channels.webchat;

import io.vertx.core.Handler;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;

/** Mounts the residents' chat socket. */
public final class WebChatRoutes {
  public static final String SOCKET_PATH = "/chat/socket";

  private WebChatRoutes() {}

  /** @param opened called first with each socket opened, for what the server does to every socket (keeping it alive) */
  public static void mount(Router router, ResidentChat chat, Handler<ServerWebSocket> opened) {
    router.get(SOCKET_PATH).handler(ctx -> ctx.request().toWebSocket().onSuccess(ws -> {
      opened.handle(ws);
      chat.handle(ws);
    }));
  }
}
