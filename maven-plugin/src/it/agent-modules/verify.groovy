// Under the agent, the library module's runner suspended with the application's tasks, and its module read the
// runtime's though it does not require it: from the jars (exec, in the build) and from the class folders (here).
// Without the agent, the error names the agent's jar by the runtime module's version.
import java.util.concurrent.TimeUnit

final String RESULT = 'tinyio-it: [2, 20] after [first1, first10, second1, second10]'
final String READS = 'tinyio-it: module demo.lib requires dev.tinyio: false, reads module dev.tinyio: true'

def log = new File(basedir, 'build.log').text
assert log.contains(RESULT)
assert log.contains(READS)

def version = (new File(basedir, '../parent/pom.xml').text =~ /<tinyio.version>([^<]+)<\/tinyio.version>/)[0][1]
def tinyio = new File(localRepositoryPath, 'dev/tinyio')
def runtimeJar = new File(tinyio, "tinyio-runtime/$version/tinyio-runtime-${version}.jar")
def agentJar = new File(tinyio, "tinyio-agent/$version/tinyio-agent-${version}-all.jar")
def modulePath = [runtimeJar, new File(basedir, 'lib/target/classes'), new File(basedir, 'app/target/classes')]
        .collect { it.path }.join(File.pathSeparator)
def run = { List<String> options ->
    def java = System.getProperty('java.home') + '/bin/java'
    def process = new ProcessBuilder([java] + options + ['--module-path', modulePath, '--module',
            'demo.app/demo.app.Main']).redirectErrorStream(true).start()
    def output = process.inputStream.text
    assert process.waitFor(60, TimeUnit.SECONDS) : "still running: $options"
    return [process.exitValue(), output]
}

def (status, output) = run(["-javaagent:${agentJar.path}=failfast".toString()])
assert status == 0 : output
assert output.readLines() == [RESULT, READS] : output

(status, output) = run([])
assert status != 0 : output
assert output.contains('No tinyio instrumentation is active: run with -javaagent:tinyio-agent-' + version
        + '-all.jar') : output
