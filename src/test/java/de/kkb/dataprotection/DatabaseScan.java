package de.kkb.dataprotection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * Reads every text and every binary column (decoded as UTF-8) of every table of the database, as
 * JDBC's metadata lists them: nothing is named by hand, so a new table or column is scanned too.
 */
final class DatabaseScan {

  private static final Set<Integer> TEXT = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB,
      Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB);
  private static final Set<Integer> BINARY = Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB);

  private final DataSource dataSource;

  DatabaseScan(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Every table.column in which one of the strings occurs (ignoring case), per string. */
  Map<String, List<String>> find(List<String> needles) throws SQLException {
    Map<String, List<String>> hits = new LinkedHashMap<>();
    needles.forEach(needle -> hits.put(needle, new ArrayList<>()));
    forEachValue((table, column, value) -> {
      String lower = value.toLowerCase(Locale.ROOT);
      for (String needle : needles) {
        String where = table + "." + column;
        if (lower.contains(needle.toLowerCase(Locale.ROOT)) && !hits.get(needle).contains(where)) {
          hits.get(needle).add(where);
        }
      }
    });
    return hits;
  }

  /** Per table, a fingerprint of all its rows (order-independent): any change shows. */
  Map<String, String> fingerprint() throws SQLException {
    Map<String, long[]> sums = new TreeMap<>();
    try (Connection connection = dataSource.getConnection()) {
      for (String table : tables(connection)) {
        long[] sum = new long[2];
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery("SELECT * FROM " + quoted(connection, table))) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
              Object value = rows.getObject(i);
              row.append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(
                  value instanceof java.sql.Clob clob ? clob.getSubString(1, (int) clob.length())
                      : value instanceof java.sql.Blob blob ? HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()))
                      : value)).append('|');
            }
            sum[0]++;
            sum[1] += hash(row.toString());
          }
        }
        sums.put(table, sum);
      }
    }
    Map<String, String> fingerprint = new TreeMap<>();
    sums.forEach((table, sum) -> fingerprint.put(table, sum[0] + " rows, " + Long.toHexString(sum[1])));
    return fingerprint;
  }

  private static long hash(String row) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(row.getBytes(StandardCharsets.UTF_8));
      long value = 0;
      for (int i = 0; i < 8; i++) {
        value = (value << 8) | (digest[i] & 0xff);
      }
      return value;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  interface ValueVisitor {
    void visit(String table, String column, String value);
  }

  private void forEachValue(ValueVisitor visitor) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      for (String table : tables(connection)) {
        List<String> texts = new ArrayList<>();
        List<String> binaries = new ArrayList<>();
        try (ResultSet columns = meta.getColumns(connection.getCatalog(), connection.getSchema(), table, "%")) {
          while (columns.next()) {
            int type = columns.getInt("DATA_TYPE");
            String name = columns.getString("COLUMN_NAME");
            if (TEXT.contains(type)) {
              texts.add(name);
            } else if (BINARY.contains(type)) {
              binaries.add(name);
            }
          }
        }
        if (texts.isEmpty() && binaries.isEmpty()) {
          continue;
        }
        try (Statement sql = connection.createStatement();
            ResultSet rows = sql.executeQuery("SELECT * FROM " + quoted(connection, table))) {
          while (rows.next()) {
            for (String column : texts) {
              String value = rows.getString(column);
              if (value != null) {
                visitor.visit(table, column, value);
              }
            }
            for (String column : binaries) {
              byte[] value = rows.getBytes(column);
              if (value != null) {
                visitor.visit(table, column, new String(value, StandardCharsets.UTF_8));
              }
            }
          }
        }
      }
    }
  }

  private static String quoted(Connection connection, String table) throws SQLException {
    String quote = connection.getMetaData().getIdentifierQuoteString();
    return quote + table.replace(quote, quote + quote) + quote;
  }

  /** Every base table of the connection's schema. */
  static List<String> tables(Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet result = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "%",
        new String[] {"TABLE", "BASE TABLE"})) {
      while (result.next()) {
        tables.add(result.getString("TABLE_NAME"));
      }
    }
    if (tables.isEmpty()) {
      throw new IllegalStateException("no tables found in schema " + connection.getSchema());
    }
    return tables;
  }
}
