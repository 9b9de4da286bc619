package de.kkb.security;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;

/** A filter configuration from a map, for initialising a library filter that we wrap. */
record MapFilterConfig(ServletContext servletContext, Map<String, String> parameters)
    implements FilterConfig {

  @Override
  public String getFilterName() {
    return "kkbPlatformHeaderSecurity";
  }

  @Override
  public ServletContext getServletContext() {
    return servletContext;
  }

  @Override
  public String getInitParameter(String name) {
    return parameters.get(name);
  }

  @Override
  public Enumeration<String> getInitParameterNames() {
    return Collections.enumeration(parameters.keySet());
  }
}
