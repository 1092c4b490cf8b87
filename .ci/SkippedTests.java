import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Fails CI when the build skipped a test: a test disabled by a missing server, driver or
 * environment variable passes `./mvnw verify` silently, so the figures and guarantees it stands
 * for would be claimed without being checked. Reads the JUnit XML reports that surefire and
 * failsafe write (TEST-*.xml) in the folders given, prints every skipped test with its reason,
 * and exits 1 if there is one, or if there are no reports at all (the tests did not run).
 *
 * <p>Run with the JDK's single-file launcher: {@code java .ci/SkippedTests.java
 * target/surefire-reports target/failsafe-reports}.
 */
public class SkippedTests {

  public static void main(String[] args) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    List<String> skipped = new ArrayList<>();
    int reports = 0;
    int tests = 0;
    for (String folder : args) {
      File[] files = new File(folder).listFiles((dir, name) -> name.startsWith("TEST-")
          && name.endsWith(".xml"));
      if (files == null) {
        continue;
      }
      Arrays.sort(files);
      for (File file : files) {
        reports++;
        Document doc = factory.newDocumentBuilder().parse(file);
        Element suite = doc.getDocumentElement();
        int listed = 0;
        NodeList cases = doc.getElementsByTagName("testcase");
        tests += cases.getLength();
        for (int i = 0; i < cases.getLength(); i++) {
          Element test = (Element) cases.item(i);
          NodeList marks = test.getElementsByTagName("skipped");
          if (marks.getLength() > 0) {
            listed++;
            String reason = ((Element) marks.item(0)).getAttribute("message");
            skipped.add(test.getAttribute("classname") + "#" + test.getAttribute("name")
                + (reason.isEmpty() ? "" : ": " + reason));
          }
        }
        // A suite may count skipped tests it does not list one by one.
        String count = suite.getAttribute("skipped");
        if (!count.isEmpty() && Integer.parseInt(count) > listed) {
          skipped.add(suite.getAttribute("name") + ": " + (Integer.parseInt(count) - listed)
              + " more skipped (" + file.getName() + ")");
        }
      }
    }
    if (reports == 0) {
      System.err.println("No test reports (TEST-*.xml) in " + String.join(", ", args)
          + ": the tests did not run.");
      System.exit(1);
    }
    if (!skipped.isEmpty()) {
      System.err.println(skipped.size() + " skipped test(s) in " + reports + " reports; CI"
          + " requires every test to run:");
      skipped.forEach(s -> System.err.println("  SKIPPED " + s));
      System.exit(1);
    }
    System.out.println("All " + tests + " tests in " + reports + " reports ran; none skipped.");
  }
}
