// Benchmark helper (not part of the library): runs HeidelTime standalone over many documents in ONE
// JVM, so that scoring 1,000 TimeML files does not start 1,000 JVMs. Same HeidelTime code path as
// the jar's command line (TreeTagger, TimeML output), one tagger per document type.
// Usage: java -cp de.unihd.dbs.heideltime.standalone.jar timecues_heideltime.java CONFIG MANIFEST
// MANIFEST lines: input.txt <TAB> output.tml <TAB> NEWS|NARRATIVES <TAB> YYYY-MM-DD or empty
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.SimpleDateFormat;
import java.util.HashMap;
import java.util.Map;

public class TimecuesHeidelTime {
    public static void main(String[] args) throws Exception {
        String config = args[0];
        Map<String, HeidelTimeStandalone> taggers = new HashMap<>();
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            HeidelTimeStandalone tagger = taggers.computeIfAbsent(f[2], t -> new HeidelTimeStandalone(
                Language.ENGLISH, DocumentType.valueOf(t), OutputType.TIMEML, config, POSTagger.TREETAGGER));
            String text = Files.readString(Path.of(f[0]), StandardCharsets.UTF_8);
            String out;
            try {
                out = f[3].isEmpty() ? tagger.process(text) : tagger.process(text, day.parse(f[3]));
            } catch (Exception e) {
                System.err.println("heideltime failed on " + f[0] + ": " + e);
                continue;
            }
            Path tmp = Path.of(f[1] + ".tmp");
            Files.writeString(tmp, out, StandardCharsets.UTF_8);
            Files.move(tmp, Path.of(f[1]), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
