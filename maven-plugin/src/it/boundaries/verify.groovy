// Runs demo.app.Main four ways and checks every shape in every way. Each run is a separate JVM with a hard
// timeout; on failure the whole matrix is printed (and written to target/matrix.txt), every broken cell with
// what was expected and what came out, before the script fails.
import java.util.concurrent.TimeUnit
import java.util.jar.JarFile

final int TIMEOUT_SECONDS = 60
final String MARKER = 'dev/tinyio/internal/Instrumented'

def java = System.getProperty('java.home') + '/bin/java'
def libTarget = new File(basedir, 'lib/target')
def appTarget = new File(basedir, 'app/target')
// The runtime and the agent as the invoker installed them into its local repository (the agent is one of its
// extraArtifacts), at the version the parent pom names.
def version = (new File(basedir, '../parent/pom.xml').text =~ /<tinyio.version>([^<]+)<\/tinyio.version>/)[0][1]
def tinyio = new File(localRepositoryPath, 'dev/tinyio')
def runtimeJar = new File(tinyio, "tinyio-runtime/$version/tinyio-runtime-${version}.jar")
def agentJar = new File(tinyio, "tinyio-agent/$version/tinyio-agent-${version}-all.jar")
def libJar = new File(libTarget, 'boundaries-lib-1.jar')
def appJar = new File(appTarget, 'boundaries-app-1.jar')
def libPlainJar = new File(libTarget, 'boundaries-lib-1-plain.jar')
def appPlainJar = new File(appTarget, 'boundaries-app-1-plain.jar')
def libPlainDir = new File(libTarget, 'plain-classes')
def appPlainDir = new File(appTarget, 'plain-classes')
def outDir = new File(basedir, 'target')
outDir.mkdirs()

// ---- The inputs: the plugin's classes carry the marker of instrumented classes, the plain copies do not.

[runtimeJar, agentJar, libJar, appJar, libPlainJar, appPlainJar, libPlainDir, appPlainDir].each {
    assert it.exists() : "missing: $it"
}
def marked = { byte[] bytes -> new String(bytes, 'ISO-8859-1').contains(MARKER) }
def jarEntry = { File jar, String name ->
    def file = new JarFile(jar)
    try {
        def entry = file.getEntry(name)
        assert entry != null : "$name is not in $jar"
        return file.getInputStream(entry).bytes
    } finally {
        file.close()
    }
}
[[libTarget, 'demo/lib/Steps.class', libJar, libPlainJar],
 [appTarget, 'demo/app/Main.class', appJar, appPlainJar]].each { target, name, jar, plainJar ->
    assert marked(new File(target, "classes/$name").bytes) : "the plugin did not instrument $target/classes/$name"
    assert marked(jarEntry(jar, name)) : "$name in $jar is not instrumented"
    assert !marked(new File(target, "plain-classes/$name").bytes) : "$target/plain-classes/$name is instrumented"
    assert !marked(jarEntry(plainJar, name)) : "$name in $plainJar is instrumented"
}
// The copy was taken after the compiler, so it holds every class it wrote.
[libTarget, appTarget].each { target ->
    def classes = { File root -> def names = []; root.eachFileRecurse { if (it.name.endsWith('.class')) names << (it.path - root.path) }; names.sort() }
    def compiled = classes(new File(target, 'classes'))
    assert !compiled.isEmpty()
    assert classes(new File(target, 'plain-classes')) == compiled : "plain-classes differs from classes in $target"
}
// The plain jars hold no index: nothing instrumented them.
[libPlainJar, appPlainJar].each { jar ->
    def file = new JarFile(jar)
    try {
        assert file.getEntry('META-INF/tinyio/suspendable.idx') == null : "$jar has an index"
    } finally {
        file.close()
    }
}

// ---- The plugin's warnings, word for word: a constructor and a synchronized method that suspend, which it never
// instruments.

def buildLog = new File(basedir, 'build.log').readLines()
def appLine = { String source, String marker ->
    def found = new File(basedir, "app/src/main/java/demo/app/$source").readLines().findIndexValues { it.contains(marker) }
    assert found.size() == 1 : "$marker in $source"
    return found[0] + 1
}
def neverInstrumented = ' suspends, but tinyio never instruments constructors, static initialisers or synchronized ' +
        'methods; suspending there throws NotInstrumentedError.'
["[WARNING] tinyio: demo.app.Gadget.<init>(Gadget.java:${appLine('Gadget.java', 'Gadget() {')})" + neverInstrumented,
 "[WARNING] tinyio: demo.app.Counter.lockedBump(Counter.java:${appLine('Counter.java', 'count = Steps.step(count);')})" +
         neverInstrumented].each { String line ->
    assert buildLog.count { it == line } == 1 : "expected the line\n$line\nonce in the build log"
}

// ---- The expectations: what plain Java computes if Coro.yield simply returned, and how often each shape gives
// way (every Steps.step gives way once; "nested" is worked out in the comment beside it).

def WAYS = ['plugin', 'folders+agent', 'jars+agent', 'plugin+agent']
def value = { String text -> [kind: 'value', text: '= ' + text] }
def error = { String type, List<String> words -> [kind: 'error', type: type, words: words] }
def all = { cell -> WAYS.collect { cell } }
// Ways 1 and 4 ran a library jar that the plugin built alone; ways 2 and 3 let the agent see both modules at once.
def libraryAlone = { String method, String works ->
    def fails = error('NotInstrumentedError', ["passed through ${method}", "mark ${method} @dev.tinyio.Suspendable"])
    [fails, value(works), value(works), fails]
}

def expected = [
    ownHelper      : all(value('16 ticks=2')),
    libStep        : all(value('84 ticks=1')),
    libPlain       : all(value('21 ticks=2')),
    plainHelper    : all(value('213 ticks=2')),
    refOther       : all(value('daily:213 ticks=2')),
    refStatic      : all(value('abc=123 ticks=3')),
    refInstance    : all(value('42 ticks=1')),
    interface      : all(value('108 ticks=1')),
    abstract       : all(value('18 ticks=1')),
    enumBody       : all(value('22 ticks=2')),
    anonymous      : all(value('40 ticks=1')),
    localClass     : all(value('20 ticks=1')),
    generic        : all(value('[x, x, x] ticks=3')),
    inner          : all(value('59 ticks=1')),
    record         : all(value('9 ticks=2')),
    defaultMethod  : all(value('hello bob ticks=1')),
    interfaceStatic: all(value('HELLO BOB! ticks=1')),
    bridge         : all(value('w0w1 ticks=2')),
    covariant      : all(value('book ticks=1')),
    appRetryLambda : all(value('200 ticks=2')),
    appRetryRef    : all(value('213 ticks=2')),
    function       : all(value('22 ticks=2')),
    callable       : all(value('c2c2 ticks=2')),
    runnable       : all(value('[1, 2, 3] ticks=3')),
    biFunction     : all(value('32 ticks=2')),
    iterator       : all(value('321 ticks=3')),
    // The shape S gathers A (two steps) and B (three). Queue after S's first step: [T, A, B]; the ticker T runs
    // once per round while A and B give way (3 rounds), once after A ends while B takes its third step, and once
    // after B ends and before S resumes and ends: 5.
    nested         : all(value('[213, abc=123] ticks=5')),
    appTask        : all(value('26 ticks=2')),
    libRetry       : all(value('200 ticks=2')),
    libWorker      : all(value('12 ticks=2')),
    libWorkerAnon  : all(value('67 ticks=2')),
    libRunMarked   : all(value('105 ticks=2')),
    libRetryPlain  : libraryAlone('demo.lib.Retry.retryPlain', '200 ticks=2'),
    libRunAll      : libraryAlone('demo.lib.Runner.runAll', '105 ticks=2'),
    // The JDK method the app called, by name and call site (not the JDK class, which varies), and the fix.
    forEach        : all(error('NotInstrumentedError', ['.forEach, called at demo.app.Main.', 'use a plain loop'])),
    stream         : all(error('NotInstrumentedError', ['passed through java.util.stream.', ', called at demo.app.Main.', 'use a plain loop'])),
    sort           : all(error('NotInstrumentedError', ['.sort, called at demo.app.Main.', 'use a plain loop'])),
    constructor    : all(error('NotInstrumentedError', ['passed through demo.app.Gadget.<init>', 'Move the suspension out of the constructor'])),
    synchronized   : all(error('NotInstrumentedError', ['lockedBump', 'synchronized', 'dev.tinyio.Lock'])),
]

// ---- The four runs.

def agentArg = "-javaagent:${agentJar.path}"
// The agent's class paths put the callers first, as Surefire and IDEs put test classes before main classes: the
// library's classes are named by the app's before their own folder or jar is analysed.
def runs = [
    [way: 'plugin', jvm: [], lib: libJar, app: appJar, cp: [libJar, appJar, runtimeJar], agent: 'none',
     javaagent: false],
    [way: 'folders+agent', jvm: [agentArg], lib: libPlainDir, app: appPlainDir, cp: [appPlainDir, libPlainDir,
     runtimeJar], agent: "''", javaagent: true],
    [way: 'jars+agent', jvm: ["${agentArg}=include=demo.*"], lib: libPlainJar, app: appPlainJar,
     cp: [appPlainJar, libPlainJar, runtimeJar], agent: "'include=demo.*'", javaagent: true],
    [way: 'plugin+agent', jvm: [agentArg], lib: libJar, app: appJar, cp: [libJar, appJar, runtimeJar], agent: "''",
     javaagent: true],
]
assert runs*.way == WAYS

def problems = []
runs.each { run ->
    def log = new File(outDir, "run-${run.way.replace('+', '-')}.log")
    def command = ([java, '-XX:TieredStopAtLevel=1'] + run.jvm
            + ['-cp', run.cp*.path.join(File.pathSeparator), 'demo.app.Main'])*.toString()
    def started = System.nanoTime()
    def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).redirectOutput(log).start()
    boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)
    if (!finished) {
        process.destroyForcibly()
        process.waitFor(10, TimeUnit.SECONDS)
    }
    run.seconds = (System.nanoTime() - started) / 1e9
    run.output = log.text
    run.shapes = [:]
    run.output.eachLine { line ->
        def m = line =~ /^SHAPE (\S+) (.*)$/
        if (m.matches()) {
            run.shapes[m.group(1)] = m.group(2)
        }
    }
    println "boundaries: ${run.way} ran in ${String.format('%.1f', run.seconds)} s: ${command.join(' ')}"

    // The run itself: it ended, finished every shape, and ran the classes and agent it was meant to.
    def where = "run ${run.way} (output in $log)"
    if (!finished) {
        problems << "$where: still running after $TIMEOUT_SECONDS s, killed"
    } else if (process.exitValue() != 0) {
        problems << "$where: exit status ${process.exitValue()}"
    }
    if (!run.output.readLines().contains('DONE')) {
        problems << "$where: did not print DONE; its last lines:\n    " + run.output.readLines().takeRight(15).join('\n    ')
    }
    def header = "RUN agent=${run.agent} javaagent=${run.javaagent}".toString()
    if (!run.output.readLines().contains(header)) {
        problems << "$where: expected the line '$header'"
    }
    ['lib': run.lib, 'app': run.app].each { module, path ->
        def prefix = "RUN ${module}="
        def line = run.output.readLines().find { it.startsWith(prefix) }
        if (line == null || new File(line.substring(prefix.length())).canonicalPath != path.canonicalPath) {
            problems << "$where: expected the line '${prefix}${path.canonicalPath}', got '${line}'"
        }
    }
    (run.shapes.keySet() - expected.keySet()).each { problems << "$where: shape $it has no expectation" }
}

// ---- The matrix.

def matches = { exp, String actual ->
    if (actual == null) {
        return false
    }
    if (exp.kind == 'value') {
        return actual == exp.text
    }
    return actual.startsWith("! ${exp.type}: ") && exp.words.every { actual.contains(it) }
}
def describe = { exp -> exp.kind == 'value' ? exp.text : "! ${exp.type}: containing " + exp.words.collect { "'$it'" }.join(', ') }

def width = expected.keySet()*.length().max()
def columns = WAYS*.length().collect { Math.max(it, 4) }
def report = new StringBuilder()
report << 'shape'.padRight(width) << '  ' << [WAYS, columns].transpose().collect { w, c -> w.padRight(c) }.join('  ') << '\n'
def broken = []
expected.each { shape, cells ->
    def row = []
    WAYS.eachWithIndex { way, i ->
        def actual = runs[i].shapes[shape]
        boolean ok = matches(cells[i], actual)
        row << (ok ? 'ok' : actual == null ? 'MISSING' : 'FAIL')
        if (!ok) {
            broken << "$shape @ $way\n    expected: ${describe(cells[i])}\n    actual:   ${actual ?: '(no line)'}"
        }
    }
    report << shape.padRight(width) << '  ' << [row, columns].transpose().collect { r, c -> r.padRight(c) }.join('  ') << '\n'
}
int cells = expected.size() * WAYS.size()
report << "\n${cells - broken.size()} of $cells cells as expected\n"
if (problems) {
    report << '\nProblems with the runs themselves:\n' << problems.collect { '  ' + it }.join('\n') << '\n'
}
if (broken) {
    report << '\nCells not as expected:\n' << broken.join('\n') << '\n'
}
new File(outDir, 'matrix.txt').text = report.toString()
if (problems || broken) {
    throw new AssertionError("boundaries: ${broken.size()} of $cells cells not as expected, ${problems.size()} problems "
            + "with the runs (also in target/matrix.txt):\n" + report)
}
println report
