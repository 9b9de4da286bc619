package de.kkb.platform;

import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine for the decisions, with each expression parsed once: Camunda's own
 * {@link ScalaFeelEngine} parses the text on every evaluation, which was a tenth of the intake's CPU
 * (docs/benchmarks.md, scenario 4). A parsed expression is an immutable syntax tree, so threads share
 * it; evaluation, contexts and error messages are Camunda's.
 */
public class ParsedFeelEngine extends ScalaFeelEngine {

  /** Decision tables are few and small; the bound only guards against expressions built at run time. */
  static final int MAX_EXPRESSIONS = 10_000;

  private final Cache<String, ParsedExpression> expressions = Caffeine.newBuilder().maximumSize(MAX_EXPRESSIONS).build();
  private final Cache<String, ParsedExpression> unaryTests = Caffeine.newBuilder().maximumSize(MAX_EXPRESSIONS).build();

  public ParsedFeelEngine(java.util.List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
    VariableProvider variables = new ContextVariableWrapper(variableContext);
    return (T) valueOf(feelEngine.eval(parsed, context(variables)));
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
    ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
    // As Camunda's engine does: the name of the tested input, then the decision's variables.
    VariableProvider input = new StaticVariableProvider(new Map.Map1<>(UnaryTests$.MODULE$.inputVariable(), inputVariable));
    VariableProvider variables = new CompositeVariableProvider(
        toScalaList(input, new ContextVariableWrapper(variableContext)));
    return (Boolean) valueOf(feelEngine.eval(parsed, context(variables)));
  }

  /** A text that does not parse is not cached: it fails with Camunda's message each time. */
  private static ParsedExpression parsed(Cache<String, ParsedExpression> cache, String expression,
      Function<String, Either<Failure, ParsedExpression>> parse) {
    return cache.get(expression, text -> (ParsedExpression) valueOf(parse.apply(text)));
  }

  private static Object valueOf(Either<Failure, ?> result) {
    if (result instanceof Right<?, ?> right) {
      return right.value();
    }
    throw LOGGER.evaluationException(((Failure) ((Left<?, ?>) result).value()).message());
  }

  private static CustomContext context(VariableProvider variables) {
    return new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return variables;
      }
    };
  }

  /** The DMN engine's factory; the custom functions are read when the engine is built. */
  public record Factory(Supplier<java.util.List<FeelCustomFunctionProvider>> functionProviders)
      implements FeelEngineFactory {

    @Override
    public FeelEngine createInstance() {
      return new ParsedFeelEngine(functionProviders.get());
    }
  }
}
