import dev.iamaudit.shaded.jackson.core.JsonEncoding;
import dev.iamaudit.shaded.jackson.core.JsonFactory;
import dev.iamaudit.shaded.jackson.core.JsonGenerator;
import dev.iamaudit.shaded.jackson.core.JsonParser;
import dev.iamaudit.shaded.jackson.core.JsonToken;
import java.io.File;

/**
 * What reading a report and writing a JSON file of about the size of iam-audit.json costs a fresh JVM with the
 * jar's Jackson and nothing else: no records, rules, messages or fingerprints. It writes every field name and
 * string of the report three times, which for a generated report comes to about iam-audit.json's size.
 *
 * <p>bench/report-file.sh compiles it against target/iam-audit.jar, hence Jackson's relocated package.
 *
 * <pre>java -cp target/iam-audit.jar:DIR JacksonFloor REPORT OUT</pre>
 */
public final class JacksonFloor {
  public static void main(String[] args) throws Exception {
    JsonFactory json = new JsonFactory();
    try (JsonParser in = json.createParser(new File(args[0]));
        JsonGenerator out = json.createGenerator(new File(args[1]), JsonEncoding.UTF8)) {
      out.writeStartArray();
      JsonToken token;
      while ((token = in.nextToken()) != null) {
        if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
          String text = in.getText();
          out.writeString(text);
          out.writeString(text);
          out.writeString(text);
        }
      }
      out.writeEndArray();
    }
  }
}
