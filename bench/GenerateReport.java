import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Writes a synthetic IAM activity report in IBM's exact shape, for benchmarks: {@code java
 * bench/GenerateReport.java IDENTITIES > report.json}. Deterministic (fixed seed and end time).
 */
public class GenerateReport {
  private static final DateTimeFormatter IBM =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss:SSSxx");
  private static final Instant END = Instant.parse("2026-11-20T06:00:00Z");

  public static void main(String[] args) throws IOException {
    int total = Integer.parseInt(args[0]);
    SplittableRandom random = new SplittableRandom(42);
    int users = total / 20;
    int serviceIds = total / 20;
    int profiles = total / 50;
    int keys = total - users - serviceIds - profiles;
    try (BufferedWriter out =
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
      out.write(
          "{\"created_by\":\"IBMid-6670000ABC\",\"reference\":\"bench-"
              + total
              + "\",\"report_duration\":\"720\","
              + "\"report_start_time\":\""
              + time(END.minusSeconds(720 * 3600L))
              + "\",\"report_end_time\":\""
              + time(END)
              + "\",\n\"users\":[");
      for (int i = 0; i < users; i++) {
        out.write(
            (i == 0 ? "\n" : ",\n")
                + "{\"iam_id\":\"IBMid-"
                + (100000 + i)
                + "\",\"name\":\"User "
                + i
                + "\",\"username\":\"user"
                + i
                + "@example.com\",\"email\":\"user"
                + i
                + "@example.com\""
                + last(random)
                + "}");
      }
      out.write("],\n\"apikeys\":[");
      for (int i = 0; i < keys; i++) {
        String owner =
            random.nextInt(3) == 0
                ? "\"type\":\"serviceid\",\"serviceid\":{\"id\":\"ServiceId-"
                    + uuid(i % (serviceIds + 1))
                    + "\",\"name\":\"svc "
                    + (i % (serviceIds + 1))
                    + "\"}"
                : "\"type\":\"user\",\"user\":{\"iam_id\":\"IBMid-"
                    + (100000 + i % (users + 1))
                    + "\",\"name\":\"User "
                    + (i % (users + 1))
                    + "\",\"username\":\"user"
                    + (i % (users + 1))
                    + "@example.com\",\"email\":\"user"
                    + (i % (users + 1))
                    + "@example.com\"}";
        out.write(
            (i == 0 ? "\n" : ",\n")
                + "{\"id\":\"ApiKey-"
                + uuid(i)
                + "\",\"name\":\"key-"
                + i
                + "\","
                + owner
                + last(random)
                + "}");
      }
      out.write("],\n\"serviceids\":[");
      for (int i = 0; i < serviceIds; i++) {
        out.write(
            (i == 0 ? "\n" : ",\n")
                + "{\"id\":\"ServiceId-"
                + uuid(i)
                + "\",\"name\":\"svc "
                + i
                + "\""
                + last(random)
                + "}");
      }
      out.write("],\n\"profiles\":[");
      for (int i = 0; i < profiles; i++) {
        out.write(
            (i == 0 ? "\n" : ",\n")
                + "{\"id\":\"Profile-"
                + uuid(i)
                + "\",\"name\":\"profile "
                + i
                + "\""
                + last(random)
                + "}");
      }
      out.write("]}\n");
    }
  }

  /** One in ten never authenticated; the rest 30 to 400 days before the report's end. */
  private static String last(SplittableRandom random) {
    if (random.nextInt(10) == 0) {
      return "";
    }
    return ",\"last_authn\":\""
        + time(END.minusSeconds(86400L * (30 + random.nextInt(370)) + random.nextInt(86400)))
        + "\"";
  }

  private static String time(Instant instant) {
    return IBM.format(instant.atOffset(ZoneOffset.UTC));
  }

  private static String uuid(int i) {
    return String.format("%08x-0000-4000-8000-%012x", i, (long) i * 7919);
  }
}
