package de.kkb.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ExpressionGuardTest {

  private final ExpressionGuard guard = new ExpressionGuard("/camunda");

  private Optional<String> json(String body) {
    return guard.findInJson(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void findsExpressionsAnywhereInAQueryAndNamesTheField() {
    assertThat(json("{\"orQueries\":[{\"assignee\":\"x\"},{\"dueDateExpression\":\"${now()}\"}]}"))
        .hasValue("orQueries[1].dueDateExpression");
    assertThat(json("{\"processVariables\":[{\"name\":\"a\",\"operator\":\"eq\",\"value\":\"#{x}\"}]}"))
        .hasValue("processVariables[0].value");
    assertThat(json("{\"sorting\":[{\"sortBy\":\"x\",\"parameters\":{\"variable\":\"${y}\"}}]}"))
        .hasValue("sorting[0].parameters.variable");
    assertThat(json("{\"${name}\":1}")).hasValue("${name}");
    assertThat(json("{\"processInstanceQuery\":{\"variables\":[{\"name\":\"a\",\"value\":\"${b}\"}]}}"))
        .as("a variable filter inside a query is a query, not data")
        .hasValue("processInstanceQuery.variables[0].value");
  }

  @Test
  void letsVariableValuesThroughButNotWhatSurroundsThem() {
    assertThat(json("{\"variables\":{\"note\":{\"value\":\"Kosten ${x}\",\"type\":\"String\"}}}"))
        .isEmpty();
    assertThat(json("{\"modifications\":{\"a\":{\"value\":\"#{y}\"}},\"deletions\":[]}")).isEmpty();
    assertThat(json("{\"variables\":{\"note\":{\"value\":\"ok\"}},\"businessKey\":\"${k}\"}"))
        .hasValue("businessKey");
    assertThat(json("{\"variables\":{\"note\":{\"value\":\"ok\",\"expression\":\"${k}\"}}}"))
        .as("not the shape of variable values").isPresent();
    assertThat(json("{\"assigneeExpression\":{\"value\":\"${k}\"}}"))
        .as("only known variable keys are passed over").isPresent();
  }

  @Test
  void decodesQueryStrings() {
    assertThat(ExpressionGuard.findInQueryString("a=1&assigneeExpression=%24%7BcurrentUser()%7D"))
        .hasValue("assigneeExpression");
    assertThat(ExpressionGuard.findInQueryString("x=%23%7B1%7D")).hasValue("x");
    assertThat(ExpressionGuard.findInQueryString("assignee=demo&sortBy=created")).isEmpty();
    assertThat(ExpressionGuard.findInQueryString(null)).isEmpty();
    assertThat(ExpressionGuard.findInQueryString("bad=%E0%A4%A")).isEmpty();
  }

  @Test
  void invalidJsonIsLeftToTheEndpoint() {
    assertThat(json("{not json")).isEmpty();
    assertThat(json("")).isEmpty();
  }
}
