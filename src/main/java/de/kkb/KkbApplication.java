package de.kkb;

import java.time.ZoneId;
import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KkbApplication {

  /** Every date in the programme is a date in North Rhine-Westphalia. */
  public static final String ZONE = "Europe/Berlin";
  public static final ZoneId BERLIN = ZoneId.of(ZONE);

  public static void main(String[] args) {
    TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
    SpringApplication.run(KkbApplication.class, args);
  }
}
