package de.kkb.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

import de.kkb.security.CachedBodyRequest;
import de.kkb.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of the public intake (API and page): at most {@code kkb.intake.max-requests-per-minute}
 * requests a minute per client address (429; on PostgreSQL for the whole cluster, see
 * {@link RequestBuckets}), and bodies up to {@code kkb.intake.max-body-size} (413), both answered
 * before anything is parsed or started.
 */
public class IntakeGuard extends OncePerRequestFilter {

  static final String STATUS_PAGE_UPLOAD = "/beratung-anfragen/stand/unterlagen";

  private final IntakeProperties properties;
  private final RequestBuckets buckets;

  IntakeGuard(IntakeProperties properties, RequestBuckets buckets) {
    this.properties = properties;
    this.buckets = buckets;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (!buckets.tryConsume(request.getRemoteAddr())) {
      response.setHeader("Retry-After", "60");
      ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "Zu viele Anfragen",
          "Von dieser Adresse kamen in der letzten Minute mehr als "
              + properties.maxRequestsPerMinute() + " Anfragen. Bitte in einer Minute erneut versuchen.",
          Map.of());
      return;
    }
    HttpServletRequest forwarded = request;
    if ("POST".equals(request.getMethod()) && isUpload(request)) {
      // Documents: the container parses the multipart body from its own stream, within Spring's
      // multipart limits; a declared length beyond every file at its largest is refused here.
      long max = properties.documents().maxUploadBytes();
      if (request.getContentLengthLong() > max) {
        uploadTooLarge(response);
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    if ("POST".equals(request.getMethod())) {
      long max = properties.maxBodySize().toBytes();
      if (request.getContentLengthLong() > max) {
        tooLarge(response, max);
        return;
      }
      // The container parses form posts from its own stream, so those are limited by their length.
      if (isFormPost(request)) {
        chain.doFilter(request, response);
        return;
      }
      byte[] body = readAtMost(request.getInputStream(), max + 1);
      if (body.length > max) {
        tooLarge(response, max);
        return;
      }
      forwarded = new CachedBodyRequest(request, body);
    }
    chain.doFilter(forwarded, response);
  }

  /**
   * A multipart post to {@code /api/consultation-requests/{reference}/documents} or the status page's
   * upload {@code /beratung-anfragen/stand/unterlagen}: exactly that path
   * (as the container resolved it), with a multipart content type. Anything else keeps the small
   * body limit, so a JSON body sent there is still read at most {@code max-body-size} far.
   */
  static boolean isUpload(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    String type = request.getContentType();
    return (path.matches("/api/consultation-requests/[^/]+/documents")
        || path.equals(STATUS_PAGE_UPLOAD)) && type != null
        && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  private void uploadTooLarge(HttpServletResponse response) throws IOException {
    IntakeProperties.Documents documents = properties.documents();
    ProblemResponses.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Anfrage zu groß",
        "Auf einmal können höchstens " + documents.maxFiles() + " Dateien mit je höchstens "
            + ApplicantPortal.megabytes(documents.maxFileSize().toBytes()) + " MB eingereicht werden.", Map.of());
  }

  private static boolean isFormPost(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT)
        .startsWith("application/x-www-form-urlencoded") && request.getContentLengthLong() >= 0;
  }

  private static byte[] readAtMost(InputStream in, long limit) throws IOException {
    return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE));
  }

  private static void tooLarge(HttpServletResponse response, long max) throws IOException {
    ProblemResponses.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Anfrage zu groß",
        "Eine Beratungsanfrage darf höchstens " + (max / 1024) + " KiB groß sein.", Map.of());
  }
}
