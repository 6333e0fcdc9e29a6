// Word for word, the lines the plugin writes to the build log: the failure of the first build, then in the second
// (failOnError=false) the warning about the class it left as compiled; in both, the instrumenter's warnings.
def lines = new File(basedir, 'build.log').readLines()
def version = (new File(basedir, '../parent/pom.xml').text =~ /<tinyio.version>([^<]+)<\/tinyio.version>/)[0][1]
def lineOf = { String source, String marker ->
    def found = new File(basedir, "src/main/java/it/refused/$source").readLines().findIndexValues { it.contains(marker) }
    assert found.size() == 1 : "$marker in $source"
    return found[0] + 1
}
def occurrences = { String line -> lines.count { it == line } }

def refused = 'tinyio cannot instrument it/refused/Wide.class: Cannot instrument it.refused.Wide.wide: its parameters ' +
        'take 255 slots, and the copy of it that resumes a suspended frame needs one more, past the JVM\'s limit of ' +
        '255. Pass some of them in an object.'

def failure = "[ERROR] Failed to execute goal dev.tinyio:tinyio-maven-plugin:${version}:instrument (default) on " +
        "project refused: ${refused} (set failOnError to false to leave such classes uninstrumented, or exclude " +
        'them) -> [Help 1]'
assert occurrences(failure) == 1 : "expected the line\n$failure\nin the build log"

def leftAsCompiled = "[WARNING] ${refused} It is left as it was; suspending through it throws NotInstrumentedError."
assert occurrences(leftAsCompiled) == 1 : "expected the line\n$leftAsCompiled\nin the build log"

def warnings = [
    "[WARNING] tinyio: it.refused.Guarded.lockedMethod(Guarded.java:${lineOf('Guarded.java', '// synchronized method')}) " +
        'suspends, but tinyio never instruments constructors, static initialisers or synchronized methods; ' +
        'suspending there throws NotInstrumentedError.',
    "[WARNING] tinyio: it.refused.Guarded.lockedBlock(Guarded.java:${lineOf('Guarded.java', '// synchronized block')}) " +
        'may suspend inside a synchronized block; if it does, it throws NotInstrumentedError. Use dev.tinyio.Lock ' +
        'instead.',
    "[WARNING] tinyio: it.refused.Guarded.reflective(Guarded.java:${lineOf('Guarded.java', '// reflection')}) calls " +
        'java.lang.reflect.Method.invoke on a path that may suspend; a suspension cannot pass through reflection or ' +
        'a method handle, so if the method it calls suspends, that throws NotInstrumentedError. Call the method ' +
        'directly.',
]
warnings.each { assert occurrences(it) == 2 : "expected the line, once in each build,\n$it\nin the build log" }

// The second build left Wide as compiled and instrumented Guarded.
def marked = { path -> new String(new File(basedir, path).bytes, 'ISO-8859-1').contains('dev/tinyio/internal/Instrumented') }
assert !marked('target/classes/it/refused/Wide.class')
assert marked('target/classes/it/refused/Guarded.class')
