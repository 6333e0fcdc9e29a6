// mvn compile instrumented target/classes: the main class runs from it without the agent.
import java.util.concurrent.TimeUnit

def log = new File(basedir, 'build.log').text
assert log.contains('tinyio: instrumented 3 of 3 class files in')

def version = (new File(basedir, '../parent/pom.xml').text =~ /<tinyio.version>([^<]+)<\/tinyio.version>/)[0][1]
def runtimeJar = new File(localRepositoryPath, "dev/tinyio/tinyio-runtime/$version/tinyio-runtime-${version}.jar")
def java = System.getProperty('java.home') + '/bin/java'
def process = new ProcessBuilder(java, '-cp', new File(basedir, 'target/classes').path + File.pathSeparator
        + runtimeJar.path, 'it.compile.Main').redirectErrorStream(true).start()
def output = process.inputStream.text
assert process.waitFor(60, TimeUnit.SECONDS) : 'the main class did not finish'
assert process.exitValue() == 0 : output
assert output.trim() == 'tinyio-it: [3, 7]' : output
