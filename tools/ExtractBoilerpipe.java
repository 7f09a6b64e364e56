// ExtractBoilerpipe.java - boilerpipe's ArticleExtractor (Debian
// libboilerpipe-java) as a filter, for tools/extractor-figure.sh: the page
// on standard input, the article's text on standard output.  With FILE
// arguments, each file in turn (the speed run: one JVM).  The parser
// (NekoHTML) finds the page's charset from its bytes.
import de.l3s.boilerpipe.extractors.ArticleExtractor;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.xml.sax.InputSource;

public class ExtractBoilerpipe {
    static String extract(byte[] page) {
        try {
            String text = ArticleExtractor.INSTANCE.getText(
                new InputSource(new ByteArrayInputStream(page)));
            return text == null ? "" : text + "\n";
        } catch (Exception e) {
            return "";  // a page it cannot parse gives no article
        }
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        if (args.length == 0)
            out.print(extract(System.in.readAllBytes()));
        for (String name : args)
            out.print(extract(Files.readAllBytes(Paths.get(name))));
        out.flush();
    }
}
