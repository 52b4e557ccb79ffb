import dev.iamaudit.shaded.jackson.core.JsonEncoding;
import dev.iamaudit.shaded.jackson.core.JsonFactory;
import dev.iamaudit.shaded.jackson.core.JsonGenerator;
import dev.iamaudit.shaded.jackson.core.JsonParser;
import dev.iamaudit.shaded.jackson.core.JsonToken;
import java.io.File;

/**
 * What reading a report and writing a JSON file of about the size of iam-audit.json costs a fresh
 * JVM with the jar's Jackson and nothing else: no records, rules, messages or fingerprints. It
 * writes every field name and string of the report COPIES times (default 3), which for a generated
 * report comes to about iam-audit.json's size; 6 writes about as much as the default formats.
 *
 * <p>bench/report-file.sh and bench/scale.sh compile it against target/iam-audit.jar, hence
 * Jackson's relocated package.
 *
 * <pre>java -cp target/iam-audit.jar:DIR JacksonFloor REPORT OUT [COPIES]</pre>
 */
public final class JacksonFloor {
  public static void main(String[] args) throws Exception {
    int copies = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    JsonFactory json = new JsonFactory();
    try (JsonParser in = json.createParser(new File(args[0]));
        JsonGenerator out = json.createGenerator(new File(args[1]), JsonEncoding.UTF8)) {
      out.writeStartArray();
      JsonToken token;
      while ((token = in.nextToken()) != null) {
        if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
          String text = in.getText();
          for (int i = 0; i < copies; i++) {
            out.writeString(text);
          }
        }
      }
      out.writeEndArray();
    }
  }
}
