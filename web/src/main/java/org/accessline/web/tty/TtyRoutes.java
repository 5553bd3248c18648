package org.accessline.web.tty;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.accessline.channels.tty.TtyCallSettings;
import org.accessline.channels.tty.TtyCalls;
import org.accessline.gateway.channel.Desk;
import org.accessline.web.http.Validation;
import org.accessline.web.staff.StaffAuth;

/** The console's side of TTY calls: how a reply will print, and stopping one being sent. The call itself is the tty channel's. */
public final class TtyRoutes {
  private TtyRoutes() {}

  public static void mount(Router router, StaffAuth staff, BodyHandler body, Desk desk, TtyCalls calls, TtyCallSettings settings, int maxMessageBytes) {
    TtyApi tty = new TtyApi(desk, calls, settings, maxMessageBytes);
    router.post("/api/conversations/:id/tty/stop").handler(staff).handler(Validation.conversationId()).handler(tty::stopSending);
    router.post("/api/conversations/:id/call-mode").handler(body).handler(staff).handler(Validation.conversationId()).handler(Validation.jsonObjectBody())
        .handler(tty::switchMode);
    router.post("/api/tty/preview").handler(body).handler(staff).handler(Validation.jsonObjectBody()).handler(tty::preview);
  }
}
