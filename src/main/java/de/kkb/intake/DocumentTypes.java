package de.kkb.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.springframework.stereotype.Component;

/**
 * Which documents an applicant may hand in, recognised by their content, never by their name:
 * PDF, JPEG, PNG, Word, Excel and PowerPoint (OOXML and the older binary formats), OpenDocument text
 * and spreadsheet.
 *
 * <p>Apache Tika ({@code tika-core} with {@code tika-parser-zip-commons}) recognises PDF, the images,
 * OpenDocument and plain zip files, and names an Office Open XML package
 * ({@code application/x-tika-ooxml}) and an OLE2 compound file ({@code application/x-tika-msoffice})
 * without telling Word, Excel and PowerPoint apart; that would need Tika's Microsoft module and
 * Apache POI. So the type is read here from what names it: the main part's content type in
 * {@code [Content_Types].xml}, and the stream names of the compound file's directory. Macro-enabled
 * Office files, encrypted packages, installers (OLE2 too) and anything else are refused.
 */
@Component
public class DocumentTypes {

  static final String PDF = "application/pdf";
  static final String JPEG = "image/jpeg";
  static final String PNG = "image/png";
  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
  static final String DOC = "application/msword";
  static final String XLS = "application/vnd.ms-excel";
  static final String PPT = "application/vnd.ms-powerpoint";
  static final String ODT = "application/vnd.oasis.opendocument.text";
  static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";

  private static final String OOXML = "application/x-tika-ooxml";
  private static final String OLE2 = "application/x-tika-msoffice";
  private static final java.util.Set<String> DIRECT = java.util.Set.of(PDF, JPEG, PNG, ODT, ODS);
  /** The content type of an OOXML package's main part, and what the package is then. */
  private static final Map<String, String> OOXML_MAIN_PARTS = Map.of(
      DOCX + ".main+xml", DOCX,
      XLSX + ".main+xml", XLSX,
      PPTX + ".main+xml", PPTX);
  /** The stream that makes an OLE2 compound file a Word, Excel or PowerPoint file. */
  private static final Map<String, String> OLE2_STREAMS = Map.of(
      "WordDocument", DOC,
      "Workbook", XLS,
      "Book", XLS,
      "PowerPoint Document", PPT);
  private static final long MAX_CONTENT_TYPES_XML = 1024 * 1024;

  private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

  /** The media type of an accepted document, or empty when the content is none of them. */
  public Optional<String> accepted(byte[] content) {
    String detected;
    try (TikaInputStream in = TikaInputStream.get(content)) {
      // No file name in the metadata: only the content counts.
      detected = detector.detect(in, new Metadata()).getBaseType().toString();
    } catch (IOException e) {
      return Optional.empty();
    }
    if (DIRECT.contains(detected)) {
      return Optional.of(detected);
    }
    if (OOXML.equals(detected)) {
      return ooxml(content);
    }
    if (OLE2.equals(detected)) {
      return ole2(content);
    }
    return Optional.empty();
  }

  /** Word, Excel or PowerPoint by the one main part that {@code [Content_Types].xml} declares. */
  private static Optional<String> ooxml(byte[] content) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if ("[Content_Types].xml".equals(entry.getName())) {
          byte[] xml = zip.readNBytes((int) MAX_CONTENT_TYPES_XML);
          String types = new String(xml, StandardCharsets.UTF_8);
          var found = OOXML_MAIN_PARTS.entrySet().stream()
              .filter(main -> types.contains("\"" + main.getKey() + "\"")).map(Map.Entry::getValue).toList();
          return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * Word, Excel or PowerPoint by a stream of the compound file's directory: entries of 128 bytes,
   * the name in UTF-16LE (64 bytes), its length in bytes with the terminator, then the entry's type
   * (1 storage, 2 stream, 5 root).
   */
  private static Optional<String> ole2(byte[] content) {
    for (int offset = 512; offset + 128 <= content.length; offset += 128) {
      int nameLength = (content[offset + 64] & 0xff) | (content[offset + 65] & 0xff) << 8;
      int type = content[offset + 66];
      if (type != 2 || nameLength < 4 || nameLength > 64 || nameLength % 2 != 0) {
        continue;
      }
      String name = new String(content, offset, nameLength - 2, StandardCharsets.UTF_16LE);
      String mediaType = OLE2_STREAMS.get(name);
      if (mediaType != null) {
        return Optional.of(mediaType);
      }
    }
    return Optional.empty();
  }
}
