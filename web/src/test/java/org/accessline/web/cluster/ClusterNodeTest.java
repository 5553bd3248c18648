package org.accessline.web.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hazelcast.config.Config;
import java.time.Duration;
import java.util.List;
import org.accessline.web.config.ClusterSettings;
import org.junit.jupiter.api.Test;

class ClusterNodeTest {
  @Test
  void hazelcastListensOnClusterHostOnlyAndSaysItToTheOthers() {
    ClusterSettings settings = new ClusterSettings(true, "county", List.of("10.0.0.5:5701", "10.0.0.6:5701"), false, "10.0.0.5", 5701,
        Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(90));
    Config config = ClusterNode.hazelcastConfig(settings);
    assertEquals("false", config.getProperty("hazelcast.socket.bind.any"), "not every address of the machine");
    assertEquals(List.of("10.0.0.5"), List.copyOf(config.getNetworkConfig().getInterfaces().getInterfaces()));
    assertEquals(5701, config.getNetworkConfig().getPort());
    assertEquals("county", config.getClusterName());
    assertEquals("60", config.getProperty("hazelcast.merge.first.run.delay.seconds"), "split halves look for each other after twice the member timeout");
    assertEquals("60", config.getProperty("hazelcast.merge.next.run.delay.seconds"));
  }
}
