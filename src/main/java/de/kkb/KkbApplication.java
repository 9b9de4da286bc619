package de.kkb;

import java.util.TimeZone;

import de.kkb.platform.EngineClock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KkbApplication {

  public static void main(String[] args) {
    TimeZone.setDefault(TimeZone.getTimeZone(EngineClock.ZONE_ID));
    SpringApplication.run(KkbApplication.class, args);
  }
}
