package de.kkb.bench;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import java.net.URI;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The intake's baseline (scenario 4): a bare Spring Boot endpoint in the platform's own context that
 * takes the same JSON body and starts a process with one user task on the same engine and database,
 * answering 201 — no register, no checks, no decision, no notices. Only there when the benchmark
 * sets {@value #ENABLED}, so no other test sees it; reachable without login through a chain of its own.
 */
@RestController
@ConditionalOnProperty(name = BareIntake.ENABLED, havingValue = "true")
public class BareIntake {

  public static final String ENABLED = "kkb.bench.bare-intake";
  public static final String PATH = "/bench/bare-intake";
  public static final String PROCESS_KEY = "BareIntake";

  private final RuntimeService runtime;

  public BareIntake(RepositoryService repository, RuntimeService runtime) {
    this.runtime = runtime;
    // Deployed with the model API, so the platform's processes/ stay as they are.
    repository.createDeployment().name(PROCESS_KEY).enableDuplicateFiltering(false)
        .addModelInstance("bare-intake.bpmn", Bpmn.createExecutableProcess(PROCESS_KEY)
            .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Review").name("Anfrage prüfen").endEvent()
            .done())
        .deploy();
  }

  @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, String>> submit(@RequestBody Map<String, Object> body) {
    String id = runtime.startProcessInstanceByKey(PROCESS_KEY, body).getId();
    return ResponseEntity.created(URI.create(PATH + "/" + id)).body(Map.of("id", id));
  }

  /** Ahead of the platform's chains, for this one path: no login, no CSRF token, no session. */
  @Bean
  @Order(0)
  SecurityFilterChain bareIntakeSecurity(HttpSecurity http) throws Exception {
    http.securityMatcher(withDefaults().matcher(PATH))
        .csrf(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(AbstractHttpConfigurer::disable)
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
    return http.build();
  }
}
