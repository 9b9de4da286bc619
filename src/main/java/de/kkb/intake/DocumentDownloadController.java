package de.kkb.intake;

import java.nio.charset.StandardCharsets;

import de.kkb.audit.AuditAction;
import de.kkb.audit.AuditLog;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Opens a document an applicant handed in, from "Vollständigkeit prüfen". Who may is decided by the
 * security layer ({@code de.kkb.security.DocumentAccess}), not here. Always a download
 * ({@code attachment}) in its stored media type, which is never HTML, and never sniffed. Every
 * download is recorded in the audit trail (who, which document of which request, when).
 */
@RestController
public class DocumentDownloadController {

  private final ApplicantDocuments documents;
  private final AuditLog audit;

  public DocumentDownloadController(ApplicantDocuments documents, AuditLog audit) {
    this.documents = documents;
    this.audit = audit;
  }

  @GetMapping("/api/documents/{id}")
  public ResponseEntity<?> download(@PathVariable String id) {
    return documents.content(id).<ResponseEntity<?>>map(this::opened)
        .orElseGet(() -> IntakeProblemHandler.problem(HttpStatus.NOT_FOUND, "Nicht gefunden",
            "Kein Dokument zu dieser Kennung.", java.util.Map.of()));
  }

  /** The document as a download; the audit names its id and request, never its name or content. */
  private ResponseEntity<?> opened(ApplicantDocuments.Content content) {
    audit.record(AuditAction.DOCUMENT_DOWNLOAD, content.document().id(),
        "Aktenzeichen " + content.document().reference());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(content.document().mediaType()))
        .contentLength(content.bytes().length)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(content.document().fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(content.bytes());
  }
}
