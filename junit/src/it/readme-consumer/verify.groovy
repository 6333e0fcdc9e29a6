// Made from the README's snippets: the tests passed with no agent flag, and the jar runs with java -jar alone.
import java.util.concurrent.TimeUnit

def log = new File(basedir, 'build.log').text
assert !log.contains('-javaagent') : 'the build named -javaagent'
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') : 'the test did not pass'
assert log.contains('tinyio: instrumented 3 of 3 class files in') : 'the plugin did not instrument the classes'

def jar = new File(basedir, 'target/readme-consumer-1.0.jar')
def java = System.getProperty('java.home') + '/bin/java'
def process = new ProcessBuilder(java, '-jar', jar.path).redirectErrorStream(true).start()
def output = process.inputStream.text
assert process.waitFor(60, TimeUnit.SECONDS) : 'the jar did not finish'
assert process.exitValue() == 0 : output
assert output.trim() == 'acme: [hello ada, hello bob]' : output
