package de.kkb.security;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

final class RequestPaths {

  private RequestPaths() {
  }

  /**
   * The request path inside the application as the container resolved it (decoded, dot segments
   * removed, path parameters dropped), with repeated slashes folded, in lower case.
   */
  static String normalised(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return path.replaceAll("/{2,}", "/").toLowerCase(Locale.ROOT);
  }
}
